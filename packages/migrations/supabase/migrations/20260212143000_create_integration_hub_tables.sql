-- The work order's SQL for this file, reproduced as written (spec/schema-task.md).
-- A PPN database may already have run it by hand, so it is never edited: corrections
-- are later migrations (packages/migrations/README.md, "Corrections").

-- Reference table for homework types
CREATE TABLE ref_homework_types (
  homework_type_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  homework_name TEXT NOT NULL UNIQUE,
  description TEXT,
  typical_duration_minutes INT,
  is_active BOOLEAN DEFAULT TRUE,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- Homework assignments
CREATE TABLE integration_homework (
  homework_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  protocol_id BIGINT REFERENCES log_clinical_records(record_id) ON DELETE CASCADE,
  homework_type_id BIGINT REFERENCES ref_homework_types(homework_type_id),
  
  -- Scheduling
  assigned_date DATE NOT NULL,
  due_date DATE NOT NULL,
  completed_date DATE,
  
  -- Tracking
  is_completed BOOLEAN DEFAULT FALSE,
  completion_notes TEXT,
  
  -- Metadata
  created_by UUID REFERENCES auth.users(id),
  created_at TIMESTAMPTZ DEFAULT NOW(),
  
  CONSTRAINT valid_dates CHECK (due_date >= assigned_date)
);

-- Integration scores (IES/EIS)
CREATE TABLE integration_scores (
  score_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  protocol_id BIGINT REFERENCES log_clinical_records(record_id) ON DELETE CASCADE,
  scale_type TEXT CHECK (scale_type IN ('IES', 'EIS')),
  
  score_value NUMERIC(5,2) NOT NULL,
  measured_at TIMESTAMPTZ NOT NULL,
  days_post_dose INT,  -- Calculated field
  
  created_at TIMESTAMPTZ DEFAULT NOW(),
  
  CONSTRAINT valid_integration_score CHECK (score_value >= 0 AND score_value <= 100)
);

-- Indexes
CREATE INDEX idx_homework_protocol ON integration_homework(protocol_id, due_date);
CREATE INDEX idx_homework_type ON integration_homework(homework_type_id);
CREATE INDEX idx_homework_completed ON integration_homework(is_completed);
CREATE INDEX idx_scores_protocol ON integration_scores(protocol_id, measured_at);
CREATE INDEX idx_scores_type ON integration_scores(scale_type);

-- RLS
ALTER TABLE integration_homework ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE ref_homework_types ENABLE ROW LEVEL SECURITY;

-- Homework: site members can read, clinicians can write
CREATE POLICY homework_read ON integration_homework
  FOR SELECT
  USING (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND lcr.record_id = integration_homework.protocol_id
    )
  );

CREATE POLICY homework_write ON integration_homework
  FOR ALL
  USING (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND us.role IN ('clinician', 'site_admin')
        AND lcr.record_id = integration_homework.protocol_id
    )
  );

-- Scores: same pattern
CREATE POLICY scores_read ON integration_scores
  FOR SELECT
  USING (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND lcr.record_id = integration_scores.protocol_id
    )
  );

CREATE POLICY scores_write ON integration_scores
  FOR ALL
  USING (
    EXISTS (
      SELECT 1 FROM user_sites us
      JOIN log_clinical_records lcr ON lcr.site_id = us.site_id
      WHERE us.user_id = auth.uid()
        AND us.role IN ('clinician', 'site_admin')
        AND lcr.record_id = integration_scores.protocol_id
    )
  );

-- Ref table policies
CREATE POLICY ref_homework_types_read ON ref_homework_types
  FOR SELECT
  USING (auth.role() = 'authenticated');

CREATE POLICY ref_homework_types_write ON ref_homework_types
  FOR ALL
  USING (
    EXISTS (
      SELECT 1 FROM user_sites
      WHERE user_sites.user_id = auth.uid()
        AND user_sites.role = 'network_admin'
    )
  );

-- Seed homework types
INSERT INTO ref_homework_types (homework_name, description, typical_duration_minutes) VALUES
  ('Journaling', 'Reflective writing about session insights', 30),
  ('Meditation', 'Mindfulness or breathwork practice', 20),
  ('Therapy Session', 'Follow-up session with therapist', 60),
  ('Body Work', 'Somatic therapy, massage, or movement', 60),
  ('Creative Expression', 'Art, music, or other creative practice', 45),
  ('Nature Connection', 'Time in nature for grounding', 60),
  ('Social Connection', 'Meaningful conversation with trusted person', 30),
  ('Integration Reading', 'Reading integration-focused materials', 30);
