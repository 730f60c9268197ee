// Tests only: a round trip through the driver that exercises integer and temporal conversion.
RETURN $value AS value, date($date) AS date, 40 + 2 AS answer, size($list) AS count
