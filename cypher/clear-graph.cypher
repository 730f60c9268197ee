// `seslip-kg import --replace`: empties the graph before the import (the schema stays).
MATCH (n) DETACH DELETE n
