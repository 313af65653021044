-- The work order's SQL for this file, reproduced as written (spec/schema-task.md).
-- A PPN database may already have run it by hand, so it is never edited: corrections
-- are later migrations (packages/migrations/README.md, "Corrections").

-- Reference table for event types
CREATE TABLE ref_event_types (
  event_type_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  event_name TEXT NOT NULL UNIQUE,
  color_code TEXT,  -- Hex color for UX (e.g., '#f43f5e')
  icon_name TEXT,   -- Icon name for UX (e.g., 'AlertTriangle')
  is_active BOOLEAN DEFAULT TRUE,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- Session events table
CREATE TABLE session_events (
  event_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  protocol_id BIGINT REFERENCES log_clinical_records(record_id) ON DELETE CASCADE,
  event_type_id BIGINT REFERENCES ref_event_types(event_type_id),
  
  -- Event details
  event_timestamp TIMESTAMPTZ NOT NULL,
  intensity_level INT CHECK (intensity_level BETWEEN 1 AND 10),
  notes TEXT,  -- Structured notes only
  
  -- Metadata
  created_by UUID REFERENCES auth.users(id),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_events_protocol ON session_events(protocol_id, event_timestamp);
CREATE INDEX idx_events_type ON session_events(event_type_id);
CREATE INDEX idx_events_timestamp ON session_events(event_timestamp);

-- RLS
ALTER TABLE session_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE ref_event_types ENABLE ROW LEVEL SECURITY;

-- Read policy: site members can read their site's events
CREATE POLICY session_events_read ON session_events
  FOR SELECT
  USING (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND lcr.record_id = session_events.protocol_id
    )
  );

-- Write policy: clinicians can insert events for their site
CREATE POLICY session_events_insert ON session_events
  FOR INSERT
  WITH CHECK (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND us.role IN ('clinician', 'site_admin')
        AND lcr.record_id = session_events.protocol_id
    )
  );

-- Ref table policies
CREATE POLICY ref_event_types_read ON ref_event_types
  FOR SELECT
  USING (auth.role() = 'authenticated');

CREATE POLICY ref_event_types_write ON ref_event_types
  FOR ALL
  USING (
    EXISTS (
      SELECT 1 FROM user_sites
      WHERE user_sites.user_id = auth.uid()
        AND user_sites.role = 'network_admin'
    )
  );

-- Seed event types
INSERT INTO ref_event_types (event_name, color_code, icon_name) VALUES
  ('Distress', '#f43f5e', 'AlertTriangle'),
  ('Breakthrough', '#10b981', 'Sparkles'),
  ('Music Change', '#3b82f6', 'Music'),
  ('Vital Signs Check', '#f59e0b', 'Activity'),
  ('Booster Dose', '#8b5cf6', 'Pill'),
  ('Bathroom Break', '#64748b', 'User'),
  ('Integration Moment', '#06b6d4', 'Lightbulb'),
  ('Peak Experience', '#ec4899', 'Star');
