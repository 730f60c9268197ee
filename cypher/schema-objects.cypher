// Constraints and indexes as they stand, to check that applying the schema again changes nothing.
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint
RETURN name, type, labelsOrTypes, properties, owningConstraint IS NOT NULL AS backsConstraint
ORDER BY name
