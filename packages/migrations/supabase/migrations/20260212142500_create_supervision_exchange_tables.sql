-- The work order's SQL for this file, reproduced as written (spec/schema-task.md).
-- A PPN database may already have run it by hand, so it is never edited: corrections
-- are later migrations (packages/migrations/README.md, "Corrections").

-- Practitioner profiles
CREATE TABLE practitioner_profiles (
  profile_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  user_id UUID REFERENCES auth.users(id) UNIQUE,
  
  -- Searchable fields
  specialties TEXT[],  -- Array: ['PTSD', 'TRD', 'Integration']
  modalities TEXT[],   -- Array: ['Ketamine', 'Psilocybin', 'MDMA']
  years_experience INT CHECK (years_experience >= 0),
  hourly_rate NUMERIC(10,2) CHECK (hourly_rate >= 0),
  
  -- Availability
  is_accepting_supervision BOOLEAN DEFAULT TRUE,
  max_supervisees INT DEFAULT 5,
  bio TEXT,  -- Short bio (max 500 chars)
  
  -- Metadata
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

-- Supervision relationships (dyads)
CREATE TABLE supervision_relationships (
  relationship_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  supervisor_id BIGINT REFERENCES practitioner_profiles(profile_id) ON DELETE CASCADE,
  supervisee_id BIGINT REFERENCES practitioner_profiles(profile_id) ON DELETE CASCADE,
  status TEXT CHECK (status IN ('pending', 'active', 'completed', 'cancelled')),
  
  started_at TIMESTAMPTZ,
  ended_at TIMESTAMPTZ,
  
  created_at TIMESTAMPTZ DEFAULT NOW(),
  
  CONSTRAINT no_self_supervision CHECK (supervisor_id != supervisee_id)
);

-- Supervision circles
CREATE TABLE supervision_circles (
  circle_id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  circle_name TEXT NOT NULL,
  max_members INT DEFAULT 8,
  meeting_frequency TEXT,  -- 'monthly', 'biweekly', 'weekly'
  
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- Circle members (junction table)
CREATE TABLE circle_members (
  circle_id BIGINT REFERENCES supervision_circles(circle_id) ON DELETE CASCADE,
  profile_id BIGINT REFERENCES practitioner_profiles(profile_id) ON DELETE CASCADE,
  joined_at TIMESTAMPTZ DEFAULT NOW(),
  
  PRIMARY KEY (circle_id, profile_id)
);

-- Indexes
CREATE INDEX idx_profiles_specialties ON practitioner_profiles USING GIN(specialties);
CREATE INDEX idx_profiles_modalities ON practitioner_profiles USING GIN(modalities);
CREATE INDEX idx_profiles_accepting ON practitioner_profiles(is_accepting_supervision) WHERE is_accepting_supervision = TRUE;
CREATE INDEX idx_relationships_supervisor ON supervision_relationships(supervisor_id);
CREATE INDEX idx_relationships_supervisee ON supervision_relationships(supervisee_id);
CREATE INDEX idx_relationships_status ON supervision_relationships(status);

-- RLS
ALTER TABLE practitioner_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_relationships ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_circles ENABLE ROW LEVEL SECURITY;
ALTER TABLE circle_members ENABLE ROW LEVEL SECURITY;

-- Profiles: all authenticated users can read, own profile can update
CREATE POLICY profiles_read ON practitioner_profiles
  FOR SELECT
  USING (auth.role() = 'authenticated');

CREATE POLICY profiles_update ON practitioner_profiles
  FOR UPDATE
  USING (user_id = auth.uid());

CREATE POLICY profiles_insert ON practitioner_profiles
  FOR INSERT
  WITH CHECK (user_id = auth.uid());

-- Relationships: participants can read, supervisee can create
CREATE POLICY relationships_read ON supervision_relationships
  FOR SELECT
  USING (
    EXISTS (
      SELECT 1 FROM practitioner_profiles
      WHERE (profile_id = supervision_relationships.supervisor_id OR profile_id = supervision_relationships.supervisee_id)
        AND user_id = auth.uid()
    )
  );

CREATE POLICY relationships_insert ON supervision_relationships
  FOR INSERT
  WITH CHECK (
    EXISTS (
      SELECT 1 FROM practitioner_profiles
      WHERE profile_id = supervision_relationships.supervisee_id
        AND user_id = auth.uid()
    )
  );

-- Circles: all authenticated can read, members can update
CREATE POLICY circles_read ON supervision_circles
  FOR SELECT
  USING (auth.role() = 'authenticated');

CREATE POLICY circle_members_read ON circle_members
  FOR SELECT
  USING (auth.role() = 'authenticated');

CREATE POLICY circle_members_insert ON circle_members
  FOR INSERT
  WITH CHECK (
    EXISTS (
      SELECT 1 FROM practitioner_profiles
      WHERE profile_id = circle_members.profile_id
        AND user_id = auth.uid()
    )
  );
