-- The work order's SQL for this file, reproduced as written (spec/schema-task.md).
-- A PPN database may already have run it by hand, so it is never edited: corrections
-- are later migrations (packages/migrations/README.md, "Corrections").

-- Migration: Create ref_medications table
-- Date: 2026-02-12
-- Author: SOOP
-- Purpose: Fix Protocol Builder 404 error, enable medication tracking

-- Create table
CREATE TABLE ref_medications (
  medication_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  medication_name TEXT NOT NULL UNIQUE,
  drug_class TEXT,
  rxnorm_cui BIGINT,
  has_contraindication BOOLEAN DEFAULT FALSE,
  contraindication_notes TEXT,
  is_active BOOLEAN DEFAULT TRUE,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

-- Create indexes
CREATE INDEX idx_medications_name ON ref_medications(medication_name);
CREATE INDEX idx_medications_class ON ref_medications(drug_class);
CREATE INDEX idx_medications_active ON ref_medications(is_active) WHERE is_active = TRUE;

-- Enable RLS
ALTER TABLE ref_medications ENABLE ROW LEVEL SECURITY;

-- Read policy: all authenticated users
CREATE POLICY ref_medications_read ON ref_medications
  FOR SELECT
  USING (auth.role() = 'authenticated');

-- Write policy: network_admin only
CREATE POLICY ref_medications_write ON ref_medications
  FOR ALL
  USING (
    EXISTS (
      SELECT 1 FROM user_sites
      WHERE user_sites.user_id = auth.uid()
        AND user_sites.role = 'network_admin'
    )
  );

-- Seed data
INSERT INTO ref_medications (medication_name, drug_class, has_contraindication, contraindication_notes) VALUES
  ('Fluoxetine (Prozac)', 'SSRI', FALSE, NULL),
  ('Sertraline (Zoloft)', 'SSRI', FALSE, NULL),
  ('Escitalopram (Lexapro)', 'SSRI', FALSE, NULL),
  ('Paroxetine (Paxil)', 'SSRI', FALSE, NULL),
  ('Citalopram (Celexa)', 'SSRI', FALSE, NULL),
  ('Venlafaxine (Effexor)', 'SNRI', FALSE, NULL),
  ('Duloxetine (Cymbalta)', 'SNRI', FALSE, NULL),
  ('Alprazolam (Xanax)', 'Benzodiazepine', TRUE, 'May reduce efficacy of psychedelic therapy'),
  ('Lorazepam (Ativan)', 'Benzodiazepine', TRUE, 'May reduce efficacy of psychedelic therapy'),
  ('Clonazepam (Klonopin)', 'Benzodiazepine', TRUE, 'May reduce efficacy of psychedelic therapy'),
  ('Diazepam (Valium)', 'Benzodiazepine', TRUE, 'May reduce efficacy of psychedelic therapy'),
  ('Quetiapine (Seroquel)', 'Antipsychotic', TRUE, 'May block psychedelic effects'),
  ('Olanzapine (Zyprexa)', 'Antipsychotic', TRUE, 'May block psychedelic effects'),
  ('Risperidone (Risperdal)', 'Antipsychotic', TRUE, 'May block psychedelic effects'),
  ('Aripiprazole (Abilify)', 'Antipsychotic', TRUE, 'May block psychedelic effects'),
  ('Lithium', 'Mood Stabilizer', FALSE, NULL),
  ('Lamotrigine (Lamictal)', 'Mood Stabilizer', FALSE, NULL),
  ('Valproate (Depakote)', 'Mood Stabilizer', FALSE, NULL),
  ('Methylphenidate (Ritalin)', 'Stimulant', FALSE, NULL),
  ('Amphetamine (Adderall)', 'Stimulant', FALSE, NULL),
  ('Lisdexamfetamine (Vyvanse)', 'Stimulant', FALSE, NULL),
  ('Bupropion (Wellbutrin)', 'NDRI', FALSE, NULL),
  ('Mirtazapine (Remeron)', 'Tetracyclic', FALSE, NULL),
  ('Trazodone (Desyrel)', 'SARI', FALSE, NULL);

-- Rollback instructions (as comment)
-- To rollback: DROP TABLE ref_medications CASCADE;
