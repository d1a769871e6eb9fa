-- Turns a scale bench database seeded before the realistic seed (bench/scale.mjs, SEED_CALLS) into its
-- shape, in place: every project took its status from i % 7 whatever its call, and no grant had a signed
-- agreement. Idempotent; run once as superuser, e.g.
--   psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -f bench/scale-realistic.sql iss_bench_scale_main
BEGIN;

-- The statuses SEED_CALLS gives project i (its title says i) after its call's status.
UPDATE project p SET status = x.status
FROM (
  SELECT p.id, CASE WHEN c.status = 'open'
    THEN (ARRAY['submitted','under_review','selected','under_review','selected','selected','selected'])[1 + n.i % 7]
    ELSE (ARRAY['rejected','rejected','agreement_signed','rejected','agreement_signed','in_progress','closed'])[1 + n.i % 7]
  END AS status
  FROM project p JOIN call c ON c.id = p.call_id
  CROSS JOIN LATERAL (SELECT substring(p.title FROM '^Projet ([0-9]+) ')::int AS i) n
  WHERE c.title LIKE 'Appel national %' AND n.i IS NOT NULL
) x
WHERE x.id = p.id AND p.status <> x.status;

-- Every project past submission has its departments' opinions (the formerly submitted ones of decided calls).
INSERT INTO opinion (project_id, department_code, opinion, comment)
SELECT pd.project_id, pd.department_code, 'favorable', 'Avis favorable de la délégation départementale'
FROM project_department pd JOIN project p ON p.id = pd.project_id JOIN call c ON c.id = p.call_id
WHERE c.title LIKE 'Appel national %' AND p.status <> 'submitted'
  AND NOT EXISTS (SELECT 1 FROM opinion o WHERE o.project_id = pd.project_id AND o.department_code = pd.department_code);

-- The agreements of the decided calls' grants were signed.
UPDATE "grant" g SET agreement_signed_on = make_date(c.year, 5, 15)
FROM call c
WHERE c.id = g.call_id AND c.title LIKE 'Appel national %' AND c.status = 'decided' AND g.agreement_signed_on IS NULL;

COMMIT;
ANALYZE project;
ANALYZE opinion;
ANALYZE "grant";
