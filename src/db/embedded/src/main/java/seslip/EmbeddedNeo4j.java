package seslip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import java.time.Duration;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in this JVM with only the Bolt connector on, for development and tests.
 *
 * <p>Arguments: {@code --data-dir DIR --port N --page-cache-mb N --tx-memory-mb N --tx-log-mb N}. Port 0 picks a free
 * port; the one bound is reported on stdout in a single line {@code READY bolt://127.0.0.1:PORT VERSION}
 * which the Node side waits for. The JVM stops, closing the store cleanly, on SIGTERM/SIGINT and when
 * stdin closes, so a parent that dies without signalling does not leave a database running.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parseArguments(args);
        Path dataDir = Path.of(required(options, "data-dir")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("port", "7687"));
        long pageCacheMb = Long.parseLong(options.getOrDefault("page-cache-mb", "128"));
        long txMemoryMb = Long.parseLong(options.getOrDefault("tx-memory-mb", "256"));
        long txLogMb = Long.parseLong(options.getOrDefault("tx-log-mb", "64"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMb))
                // The default preallocates 256 MiB of transaction log per database: wasteful for a dev store.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                // Bounded transaction logs: the default keeps two days of them (GBs after a large ingest). Logs
                // are pruned only at checkpoints, which by default come every 15 minutes or 100,000
                // transactions; an ingest writes one transaction per Update, so checkpoint every 100 or minute.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogMb + "M size")
                .setConfig(GraphDatabaseSettings.check_point_interval_tx, 100)
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(1))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s twice on shutdown for clients that are gone already; Ctrl-C should feel instant.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("STOPPED");
        }, "neo4j-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
        System.out.println("READY bolt://127.0.0.1:" + bolt.getPort() + " " + version);
        System.out.flush();

        waitForStdinToClose();
        System.exit(0);
    }

    private static void waitForStdinToClose() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored: only end-of-stream matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent has gone, which is the same signal as end-of-stream.
        }
    }

    private static Map<String, String> parseArguments(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
