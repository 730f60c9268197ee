import getPort, { clearLockedPorts } from 'get-port';

/** Whether host:port can be bound now (get-port tries it), for a start that reports a taken port at once. */
export async function isPortFree(host: string, port: number): Promise<boolean> {
  const free = (await getPort({ host, port })) === port;
  // get-port reserves the port it returns for 15 s, for a caller that binds it later in this process; the
  // port is only asked about here, and must not look taken when it is asked about again (a restart).
  clearLockedPorts();
  return free;
}
