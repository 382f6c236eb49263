-- Releases made from the GA template before phases named their dependencies
-- get the template's chain, so "shift dependents" moves the launch night
-- together. Phases someone already linked are left alone.
UPDATE "Phase" AS p
SET "dependsOn" = v."deps"
FROM (VALUES
    ('blue-green', ARRAY['preparation']),
    ('db-migration', ARRAY['blue-green']),
    ('verification', ARRAY['db-migration']),
    ('launch-announcement', ARRAY['verification']),
    ('stabilisation', ARRAY['blue-green']),
    ('support-feedback', ARRAY['blue-green']),
    ('stabilisation-patch', ARRAY['stabilisation'])
) AS v("key", "deps"), "Release" AS r
WHERE p."key" = v."key"
  AND p."releaseId" = r."id"
  AND r."templateKey" = 'ga-release'
  AND cardinality(p."dependsOn") = 0;
