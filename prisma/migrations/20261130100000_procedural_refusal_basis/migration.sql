-- Procedural refusal reasons rest on procedure, not on a clause of the plan (issue 10, point 6):
-- identity not verified, a duplicate filing, a supplement not answered in time cite
-- "程序性理由" instead of "二". Every stored rule set is updated so that it stays valid under
-- the rule-set validator; the order of the reasons is kept.
UPDATE "RuleSet"
SET "data" = jsonb_set(
  "data",
  '{refusalReasons}',
  (
    SELECT jsonb_agg(
      CASE
        WHEN r ->> 'code' IN ('identity_unverified', 'duplicate_filing', 'supplement_not_provided') AND r ->> 'clause' <> '程序性理由'
          THEN jsonb_set(r, '{clause}', to_jsonb('程序性理由'::text))
        ELSE r
      END
      ORDER BY ord
    )
    FROM jsonb_array_elements("data" -> 'refusalReasons') WITH ORDINALITY AS t(r, ord)
  )
)
WHERE jsonb_typeof("data" -> 'refusalReasons') = 'array'
  AND jsonb_array_length("data" -> 'refusalReasons') > 0;
