// Constraints and indexes, applied at every start; each is IF NOT EXISTS, so re-applying changes nothing.
// Every node has a unique string `key` within its label (see src/extract/records.ts), and the label
// `Entity` with `uid` = "<Label>:<key>", unique across labels: the loader MERGEs on it so that one
// parameterised query serves every label and still seeks an index.
CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT issue_number IF NOT EXISTS FOR (n:Issue) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (n:Issue) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT item_key IF NOT EXISTS FOR (n:Item) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT report_key IF NOT EXISTS FOR (n:Report) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT network_key IF NOT EXISTS FOR (n:Network) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT local_authority_key IF NOT EXISTS FOR (n:LocalAuthority) REQUIRE n.key IS UNIQUE;
CREATE INDEX issue_date IF NOT EXISTS FOR (n:Issue) ON (n.date);
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX report_published IF NOT EXISTS FOR (n:Report) ON (n.publishedOn);
// Not unique: a Report takes the newest url any Update gives it, so two Reports can come to share one.
CREATE INDEX report_url IF NOT EXISTS FOR (n:Report) ON (n.url);
CREATE INDEX item_issue IF NOT EXISTS FOR (n:Item) ON (n.issueNumber);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Issue|Item|Report|Organisation|Person|Network|Meeting|LocalAuthority)
ON EACH [n.name, n.title, n.body, n.searchText];
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;
// An edge's evidence beyond the entries it keeps itself (src/graph/evidence.ts): read in order from its edge
// (ordered by the index), and taken back by the Update that gave it.
CREATE INDEX evidence_edge IF NOT EXISTS FOR (e:Evidence) ON (e.edge, e.date, e.source, e.quote);
CREATE INDEX evidence_issue IF NOT EXISTS FOR (e:Evidence) ON (e.issue, e.edge);
