// The networks present in the graph (derived edges only point at nodes that exist).
MATCH (network:Network)
RETURN network.key AS key
