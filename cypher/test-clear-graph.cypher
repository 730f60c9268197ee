// Tests only: empties the throwaway test database between files.
MATCH (n) DETACH DELETE n
