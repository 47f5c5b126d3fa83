BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'gluteapp.history','0001_sessions_and_sets','2026-12-07 02:56:50.605260+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'gluteapp.history','0002_dose_choices','2026-12-07 02:56:50.607058+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'gluteapp.history','0003_hurts_and_routine_text','2026-12-07 02:56:50.608635+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'gluteapp.history','0004_range_digests','2026-12-07 02:56:50.616100+00:00');
CREATE TABLE dose_choices (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            step_index INTEGER NOT NULL CHECK (step_index >= 0),
            exercise_id TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit IN ('s', 'reps', 'steps')),
            previous INTEGER NOT NULL CHECK (previous >= 0),
            suggested INTEGER NOT NULL CHECK (suggested >= 0),
            chosen INTEGER NOT NULL CHECK (chosen >= 0),
            change TEXT NOT NULL,
            reason TEXT NOT NULL,
            suggested_variation TEXT,
            chosen_variation TEXT,
            suggested_extra_side TEXT CHECK (suggested_extra_side IN ('left', 'right')),
            chosen_extra_side TEXT CHECK (chosen_extra_side IN ('left', 'right')),
            UNIQUE (session_id, step_index)
        );
CREATE TABLE exercise_digest (
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            exercise_id TEXT NOT NULL,
            groups INTEGER NOT NULL,
            done INTEGER NOT NULL,
            one_sided INTEGER NOT NULL,
            newest_kind TEXT,
            newest_at TEXT,
            h_n INTEGER NOT NULL DEFAULT 0, h_max REAL, h_sum REAL, h_target_n INTEGER NOT NULL DEFAULT 0, h_target_sum REAL, hl_n INTEGER NOT NULL DEFAULT 0, hl_max REAL, hl_sum REAL, hr_n INTEGER NOT NULL DEFAULT 0, hr_max REAL, hr_sum REAL, r_n INTEGER NOT NULL DEFAULT 0, r_max REAL, r_sum REAL, r_target_n INTEGER NOT NULL DEFAULT 0, r_target_sum REAL, rl_n INTEGER NOT NULL DEFAULT 0, rl_max REAL, rl_sum REAL, rr_n INTEGER NOT NULL DEFAULT 0, rr_max REAL, rr_sum REAL,
            felt_glutes INTEGER NOT NULL DEFAULT 0, felt_hamstrings INTEGER NOT NULL DEFAULT 0, felt_lower_back INTEGER NOT NULL DEFAULT 0, felt_nowhere INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (exercise_id, session_id)
        );
INSERT INTO "exercise_digest" VALUES(1,'side-plank',2,2,1,'hold','2025-09-01T18:02:00.000000+00:00',3,20.0,51.7,3,60.0,2,20.0,39.7,1,12.0,12.0,0,NULL,NULL,0,NULL,0,NULL,NULL,0,NULL,NULL,0,0,0,0);
INSERT INTO "exercise_digest" VALUES(1,'wall-clamshell',1,1,1,'reps','2025-09-01T18:04:00.000000+00:00',0,NULL,NULL,0,NULL,0,NULL,NULL,0,NULL,NULL,2,15.0,24.0,2,30.0,1,9.0,9.0,1,15.0,15.0,1,0,0,0);
INSERT INTO "exercise_digest" VALUES(1,'glute-bridge',1,1,0,NULL,NULL,0,NULL,NULL,0,NULL,0,NULL,NULL,0,NULL,NULL,0,NULL,NULL,0,NULL,0,NULL,NULL,0,NULL,NULL,0,0,0,0);
CREATE TABLE hurts (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            at TEXT NOT NULL,
            exercise_id TEXT,
            set_number INTEGER CHECK (set_number IS NULL OR set_number >= 1),
            side TEXT CHECK (side IS NULL OR side IN ('left', 'right', 'both')),
            choice TEXT CHECK (
                choice IS NULL OR choice IN ('skip_exercise', 'end_session', 'carry_on')
            )
        );
CREATE TABLE session_digest (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
            recorded INTEGER NOT NULL,
            done INTEGER NOT NULL,
            rated_done INTEGER NOT NULL,
            pain_sum INTEGER NOT NULL,
            pain_n INTEGER NOT NULL,
            pain_max INTEGER,
            felt_glutes INTEGER NOT NULL DEFAULT 0, felt_hamstrings INTEGER NOT NULL DEFAULT 0, felt_lower_back INTEGER NOT NULL DEFAULT 0, felt_nowhere INTEGER NOT NULL DEFAULT 0
        );
INSERT INTO "session_digest" VALUES(1,6,4,1,2,1,2,1,0,0,0);
CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'completed', 'ended_early', 'interrupted')),
            notes TEXT NOT NULL DEFAULT ''
        , routine_toml TEXT NOT NULL DEFAULT '');
INSERT INTO "sessions" VALUES(1,'glute-basics','Glute basics','2025-09-01T18:00:00.000000+00:00','2025-09-01T18:20:00.000000+00:00','ended_early','','');
CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            exercise_id TEXT NOT NULL,
            set_number INTEGER NOT NULL CHECK (set_number >= 1),
            side TEXT NOT NULL CHECK (side IN ('left', 'right', 'both')),
            target_reps INTEGER CHECK (target_reps IS NULL OR target_reps >= 0),
            target_hold_s REAL CHECK (target_hold_s IS NULL OR target_hold_s >= 0),
            achieved_reps INTEGER CHECK (achieved_reps IS NULL OR achieved_reps >= 0),
            achieved_hold_s REAL CHECK (achieved_hold_s IS NULL OR achieved_hold_s >= 0),
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            pain INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
            felt_in TEXT CHECK (
                felt_in IS NULL OR felt_in IN ('glutes', 'hamstrings', 'lower_back', 'nowhere')
            )
        );
INSERT INTO "sets" VALUES(1,1,'side-plank',1,'left',NULL,20.0,NULL,20.0,'2025-09-01T18:00:00.000000+00:00','2025-09-01T18:00:30.000000+00:00',2,NULL);
INSERT INTO "sets" VALUES(2,1,'side-plank',1,'right',NULL,20.0,NULL,12.0,'2025-09-01T18:01:00.000000+00:00','2025-09-01T18:01:30.000000+00:00',NULL,NULL);
INSERT INTO "sets" VALUES(3,1,'side-plank',2,'left',NULL,20.0,NULL,19.7,'2025-09-01T18:02:00.000000+00:00','2025-09-01T18:02:30.000000+00:00',NULL,NULL);
INSERT INTO "sets" VALUES(4,1,'wall-clamshell',1,'left',15,NULL,9,NULL,'2025-09-01T18:03:00.000000+00:00','2025-09-01T18:03:30.000000+00:00',NULL,'glutes');
INSERT INTO "sets" VALUES(5,1,'wall-clamshell',1,'right',15,NULL,15,NULL,'2025-09-01T18:04:00.000000+00:00','2025-09-01T18:04:30.000000+00:00',NULL,NULL);
INSERT INTO "sets" VALUES(6,1,'glute-bridge',1,'both',NULL,NULL,NULL,NULL,'2025-09-01T18:05:00.000000+00:00','2025-09-01T18:05:30.000000+00:00',NULL,NULL);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX sessions_started_at ON sessions (started_at);
CREATE INDEX sessions_status ON sessions (status, ended_at);
CREATE INDEX sets_session_id ON sets (session_id, id);
CREATE INDEX sets_exercise_started_at ON sets (exercise_id, started_at);
CREATE INDEX dose_choices_exercise ON dose_choices (exercise_id, session_id);
CREATE INDEX hurts_session_id ON hurts (session_id, id);
CREATE INDEX exercise_digest_session ON exercise_digest (session_id);
CREATE TRIGGER sets_digest_insert AFTER INSERT ON sets BEGIN
                
        DELETE FROM session_digest WHERE session_id = NEW.session_id;
        
        INSERT OR REPLACE INTO session_digest (
            session_id, recorded, done, rated_done, pain_sum, pain_n, pain_max, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.recorded, COALESCE(g.done, 0), COALESCE(g.rated_done, 0),
               raw.pain_sum, raw.pain_n, raw.pain_max, raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, COUNT(*) AS recorded, COALESCE(SUM(pain), 0) AS pain_sum,
                   COUNT(pain) AS pain_n, MAX(pain) AS pain_max,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id GROUP BY session_id
        ) AS raw
        LEFT JOIN (
            SELECT session_id, SUM(done) AS done, SUM(done AND rated) AS rated_done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id
        ) AS g ON g.session_id = raw.session_id;
        DELETE FROM exercise_digest WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id;
        
        INSERT OR REPLACE INTO exercise_digest (
            session_id, exercise_id, groups, done, one_sided, newest_kind, newest_at,
            h_n, h_max, h_sum, h_target_n, h_target_sum, hl_n, hl_max, hl_sum, hr_n, hr_max, hr_sum, r_n, r_max, r_sum, r_target_n, r_target_sum, rl_n, rl_max, rl_sum, rr_n, rr_max, rr_sum, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.exercise_id, g.groups, g.done, raw.one_sided,
               (SELECT CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               (SELECT n.started_at FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               raw.m0, raw.m1, raw.m2, raw.m3, raw.m4, raw.m5, raw.m6, raw.m7, raw.m8, raw.m9, raw.m10, raw.m11, raw.m12, raw.m13, raw.m14, raw.m15, raw.m16, raw.m17, raw.m18, raw.m19, raw.m20, raw.m21,
               raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, exercise_id, MAX(side <> 'both') AS one_sided,
                   COUNT(achieved_hold_s) AS m0, MAX(achieved_hold_s) AS m1, SUM(achieved_hold_s) AS m2, COUNT(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m3, SUM(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m4, COUNT(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m5, MAX(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m6, SUM(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m7, COUNT(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m8, MAX(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m9, SUM(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m10, COUNT(CAST(achieved_reps AS REAL)) AS m11, MAX(CAST(achieved_reps AS REAL)) AS m12, SUM(CAST(achieved_reps AS REAL)) AS m13, COUNT(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m14, SUM(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m15, COUNT(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m16, MAX(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m17, SUM(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m18, COUNT(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m19, MAX(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m20, SUM(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m21,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id GROUP BY session_id, exercise_id
        ) AS raw
        JOIN (
            SELECT session_id, exercise_id, COUNT(*) AS groups, SUM(done) AS done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id, exercise_id
        ) AS g ON g.session_id = raw.session_id AND g.exercise_id = raw.exercise_id;
            END;
CREATE TRIGGER sets_digest_delete AFTER DELETE ON sets BEGIN
                
        DELETE FROM session_digest WHERE session_id = OLD.session_id;
        
        INSERT OR REPLACE INTO session_digest (
            session_id, recorded, done, rated_done, pain_sum, pain_n, pain_max, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.recorded, COALESCE(g.done, 0), COALESCE(g.rated_done, 0),
               raw.pain_sum, raw.pain_n, raw.pain_max, raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, COUNT(*) AS recorded, COALESCE(SUM(pain), 0) AS pain_sum,
                   COUNT(pain) AS pain_n, MAX(pain) AS pain_max,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id GROUP BY session_id
        ) AS raw
        LEFT JOIN (
            SELECT session_id, SUM(done) AS done, SUM(done AND rated) AS rated_done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id
        ) AS g ON g.session_id = raw.session_id;
        DELETE FROM exercise_digest WHERE session_id = OLD.session_id AND exercise_id = OLD.exercise_id;
        
        INSERT OR REPLACE INTO exercise_digest (
            session_id, exercise_id, groups, done, one_sided, newest_kind, newest_at,
            h_n, h_max, h_sum, h_target_n, h_target_sum, hl_n, hl_max, hl_sum, hr_n, hr_max, hr_sum, r_n, r_max, r_sum, r_target_n, r_target_sum, rl_n, rl_max, rl_sum, rr_n, rr_max, rr_sum, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.exercise_id, g.groups, g.done, raw.one_sided,
               (SELECT CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               (SELECT n.started_at FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               raw.m0, raw.m1, raw.m2, raw.m3, raw.m4, raw.m5, raw.m6, raw.m7, raw.m8, raw.m9, raw.m10, raw.m11, raw.m12, raw.m13, raw.m14, raw.m15, raw.m16, raw.m17, raw.m18, raw.m19, raw.m20, raw.m21,
               raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, exercise_id, MAX(side <> 'both') AS one_sided,
                   COUNT(achieved_hold_s) AS m0, MAX(achieved_hold_s) AS m1, SUM(achieved_hold_s) AS m2, COUNT(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m3, SUM(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m4, COUNT(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m5, MAX(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m6, SUM(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m7, COUNT(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m8, MAX(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m9, SUM(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m10, COUNT(CAST(achieved_reps AS REAL)) AS m11, MAX(CAST(achieved_reps AS REAL)) AS m12, SUM(CAST(achieved_reps AS REAL)) AS m13, COUNT(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m14, SUM(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m15, COUNT(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m16, MAX(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m17, SUM(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m18, COUNT(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m19, MAX(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m20, SUM(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m21,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id AND exercise_id = OLD.exercise_id GROUP BY session_id, exercise_id
        ) AS raw
        JOIN (
            SELECT session_id, exercise_id, COUNT(*) AS groups, SUM(done) AS done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id AND exercise_id = OLD.exercise_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id, exercise_id
        ) AS g ON g.session_id = raw.session_id AND g.exercise_id = raw.exercise_id;
            END;
CREATE TRIGGER sets_digest_update AFTER UPDATE ON sets BEGIN
            
        DELETE FROM session_digest WHERE session_id = OLD.session_id;
        
        INSERT OR REPLACE INTO session_digest (
            session_id, recorded, done, rated_done, pain_sum, pain_n, pain_max, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.recorded, COALESCE(g.done, 0), COALESCE(g.rated_done, 0),
               raw.pain_sum, raw.pain_n, raw.pain_max, raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, COUNT(*) AS recorded, COALESCE(SUM(pain), 0) AS pain_sum,
                   COUNT(pain) AS pain_n, MAX(pain) AS pain_max,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id GROUP BY session_id
        ) AS raw
        LEFT JOIN (
            SELECT session_id, SUM(done) AS done, SUM(done AND rated) AS rated_done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id
        ) AS g ON g.session_id = raw.session_id;
        DELETE FROM exercise_digest WHERE session_id = OLD.session_id AND exercise_id = OLD.exercise_id;
        
        INSERT OR REPLACE INTO exercise_digest (
            session_id, exercise_id, groups, done, one_sided, newest_kind, newest_at,
            h_n, h_max, h_sum, h_target_n, h_target_sum, hl_n, hl_max, hl_sum, hr_n, hr_max, hr_sum, r_n, r_max, r_sum, r_target_n, r_target_sum, rl_n, rl_max, rl_sum, rr_n, rr_max, rr_sum, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.exercise_id, g.groups, g.done, raw.one_sided,
               (SELECT CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               (SELECT n.started_at FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               raw.m0, raw.m1, raw.m2, raw.m3, raw.m4, raw.m5, raw.m6, raw.m7, raw.m8, raw.m9, raw.m10, raw.m11, raw.m12, raw.m13, raw.m14, raw.m15, raw.m16, raw.m17, raw.m18, raw.m19, raw.m20, raw.m21,
               raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, exercise_id, MAX(side <> 'both') AS one_sided,
                   COUNT(achieved_hold_s) AS m0, MAX(achieved_hold_s) AS m1, SUM(achieved_hold_s) AS m2, COUNT(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m3, SUM(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m4, COUNT(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m5, MAX(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m6, SUM(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m7, COUNT(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m8, MAX(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m9, SUM(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m10, COUNT(CAST(achieved_reps AS REAL)) AS m11, MAX(CAST(achieved_reps AS REAL)) AS m12, SUM(CAST(achieved_reps AS REAL)) AS m13, COUNT(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m14, SUM(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m15, COUNT(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m16, MAX(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m17, SUM(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m18, COUNT(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m19, MAX(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m20, SUM(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m21,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id AND exercise_id = OLD.exercise_id GROUP BY session_id, exercise_id
        ) AS raw
        JOIN (
            SELECT session_id, exercise_id, COUNT(*) AS groups, SUM(done) AS done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = OLD.session_id AND exercise_id = OLD.exercise_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id, exercise_id
        ) AS g ON g.session_id = raw.session_id AND g.exercise_id = raw.exercise_id;
            
        DELETE FROM session_digest WHERE session_id = NEW.session_id;
        
        INSERT OR REPLACE INTO session_digest (
            session_id, recorded, done, rated_done, pain_sum, pain_n, pain_max, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.recorded, COALESCE(g.done, 0), COALESCE(g.rated_done, 0),
               raw.pain_sum, raw.pain_n, raw.pain_max, raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, COUNT(*) AS recorded, COALESCE(SUM(pain), 0) AS pain_sum,
                   COUNT(pain) AS pain_n, MAX(pain) AS pain_max,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id GROUP BY session_id
        ) AS raw
        LEFT JOIN (
            SELECT session_id, SUM(done) AS done, SUM(done AND rated) AS rated_done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id
        ) AS g ON g.session_id = raw.session_id;
        DELETE FROM exercise_digest WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id;
        
        INSERT OR REPLACE INTO exercise_digest (
            session_id, exercise_id, groups, done, one_sided, newest_kind, newest_at,
            h_n, h_max, h_sum, h_target_n, h_target_sum, hl_n, hl_max, hl_sum, hr_n, hr_max, hr_sum, r_n, r_max, r_sum, r_target_n, r_target_sum, rl_n, rl_max, rl_sum, rr_n, rr_max, rr_sum, felt_glutes, felt_hamstrings, felt_lower_back, felt_nowhere)
        SELECT raw.session_id, raw.exercise_id, g.groups, g.done, raw.one_sided,
               (SELECT CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               (SELECT n.started_at FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND (CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1),
               raw.m0, raw.m1, raw.m2, raw.m3, raw.m4, raw.m5, raw.m6, raw.m7, raw.m8, raw.m9, raw.m10, raw.m11, raw.m12, raw.m13, raw.m14, raw.m15, raw.m16, raw.m17, raw.m18, raw.m19, raw.m20, raw.m21,
               raw.f0, raw.f1, raw.f2, raw.f3
        FROM (
            SELECT session_id, exercise_id, MAX(side <> 'both') AS one_sided,
                   COUNT(achieved_hold_s) AS m0, MAX(achieved_hold_s) AS m1, SUM(achieved_hold_s) AS m2, COUNT(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m3, SUM(CASE WHEN achieved_hold_s IS NOT NULL THEN target_hold_s END) AS m4, COUNT(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m5, MAX(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m6, SUM(CASE WHEN side = 'left' THEN achieved_hold_s END) AS m7, COUNT(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m8, MAX(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m9, SUM(CASE WHEN side = 'right' THEN achieved_hold_s END) AS m10, COUNT(CAST(achieved_reps AS REAL)) AS m11, MAX(CAST(achieved_reps AS REAL)) AS m12, SUM(CAST(achieved_reps AS REAL)) AS m13, COUNT(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m14, SUM(CASE WHEN CAST(achieved_reps AS REAL) IS NOT NULL THEN CAST(target_reps AS REAL) END) AS m15, COUNT(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m16, MAX(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m17, SUM(CASE WHEN side = 'left' THEN CAST(achieved_reps AS REAL) END) AS m18, COUNT(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m19, MAX(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m20, SUM(CASE WHEN side = 'right' THEN CAST(achieved_reps AS REAL) END) AS m21,
                   COALESCE(SUM(felt_in = 'glutes'), 0) AS f0, COALESCE(SUM(felt_in = 'hamstrings'), 0) AS f1, COALESCE(SUM(felt_in = 'lower_back'), 0) AS f2, COALESCE(SUM(felt_in = 'nowhere'), 0) AS f3
            FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id GROUP BY session_id, exercise_id
        ) AS raw
        JOIN (
            SELECT session_id, exercise_id, COUNT(*) AS groups, SUM(done) AS done
            FROM (
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM (
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - 0.5
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END AS cut
        FROM (SELECT id, session_id, exercise_id, set_number, side, started_at, CASE WHEN typeof(target_reps) = 'integer' AND target_reps BETWEEN 0 AND 100000 THEN target_reps END AS target_reps, CASE WHEN typeof(achieved_reps) = 'integer' AND achieved_reps BETWEEN 0 AND 100000 THEN achieved_reps END AS achieved_reps, CASE WHEN typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10 THEN pain END AS pain, CASE WHEN typeof(target_hold_s) IN ('integer', 'real') AND target_hold_s BETWEEN 0 AND 86400.0 THEN target_hold_s END AS target_hold_s, CASE WHEN typeof(achieved_hold_s) IN ('integer', 'real') AND achieved_hold_s BETWEEN 0 AND 86400.0 THEN achieved_hold_s END AS achieved_hold_s, felt_in FROM sets INDEXED BY sets_session_id WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text' AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND 100000 AND side IN ('left', 'right', 'both') AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL AND started_at >= '1970' AND started_at < '2200') AS sets WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id
        GROUP BY session_id, exercise_id, set_number, side)
        GROUP BY session_id, exercise_id, set_number) GROUP BY session_id, exercise_id
        ) AS g ON g.session_id = raw.session_id AND g.exercise_id = raw.exercise_id;
        END;
COMMIT;
PRAGMA user_version = 4;
