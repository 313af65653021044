-- The work order's literal policies (spec/schema-task.md), as the baseline the benchmark
-- compares against: unwrapped auth.uid() / auth.role(), inline user_sites joins, no TO
-- clause (so TO public). Applied with ALTER POLICY to the policies of the same name that
-- serve the same command today; the benchmark restores the current definitions afterwards
-- (or applies these inside a transaction it rolls back).
--
-- The work order's FOR ALL write policies were split into per-command policies by the
-- corrections, so only the policies whose command is unchanged are swapped. user_sites
-- and log_clinical_records are not the work order's tables (it assumes they exist), so the
-- inline joins below read them through their current policies.

alter policy session_events_read on public.session_events
  to public
  using (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND lcr.record_id = session_events.protocol_id
    )
  );

alter policy session_events_insert on public.session_events
  to public
  with check (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND us.role IN ('clinician', 'site_admin')
        AND lcr.record_id = session_events.protocol_id
    )
  );

alter policy ref_event_types_read on public.ref_event_types
  to public
  using (auth.role() = 'authenticated');

alter policy ref_medications_read on public.ref_medications
  to public
  using (auth.role() = 'authenticated');

alter policy profiles_read on public.practitioner_profiles
  to public
  using (auth.role() = 'authenticated');

alter policy homework_read on public.integration_homework
  to public
  using (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND lcr.record_id = integration_homework.protocol_id
    )
  );

alter policy scores_read on public.integration_scores
  to public
  using (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND lcr.record_id = integration_scores.protocol_id
    )
  );
