// The audit: decisions newest first, after the cursor's seq, optionally about one subject, with the total.
MATCH (d:Decision)
WHERE $subject IS NULL OR $subject IN d.subjects
WITH d ORDER BY d.seq DESC
WITH collect(d) AS ds
RETURN size(ds) AS total,
       [d IN ds WHERE $before IS NULL OR d.seq < $before][..toInteger($limit)] AS page
