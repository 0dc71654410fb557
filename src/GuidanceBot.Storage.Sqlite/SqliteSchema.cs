using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>Versioned schema of the SQLite store. Append a migration; never edit one that has shipped.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversations(
            key TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            etag TEXT NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE events(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            run_id TEXT,
            flow_id TEXT,
            content_version TEXT,
            step_id TEXT,
            kind TEXT NOT NULL,
            ts INTEGER NOT NULL,
            props TEXT);
        CREATE INDEX ix_events_flow ON events(flow_id, ts);
        CREATE INDEX ix_events_conversation ON events(conversation_id, id);
        """,
        // 2: analytics. Events carry the conversation's language; the abandonment sweep finds idle conversations through
        // columns derived from the state JSON (no second source of truth); funnels read daily roll-ups by run start day.
        """
        ALTER TABLE events ADD COLUMN language TEXT;
        CREATE INDEX ix_events_run ON events(run_id, id) WHERE run_id IS NOT NULL;
        CREATE INDEX ix_events_kind ON events(kind, ts);
        ALTER TABLE conversations ADD COLUMN active_at INTEGER
            GENERATED ALWAYS AS (CAST(ROUND((julianday(json_extract(state, '$.lastActivityAt')) - 2440587.5) * 86400000) AS INTEGER)) VIRTUAL;
        ALTER TABLE conversations ADD COLUMN swept_at INTEGER
            GENERATED ALWAYS AS (CAST(ROUND((julianday(json_extract(state, '$.abandonSweptAt')) - 2440587.5) * 86400000) AS INTEGER)) VIRTUAL;
        CREATE INDEX ix_conversations_sweep ON conversations(active_at) WHERE swept_at IS NULL OR swept_at < active_at;
        CREATE TABLE analytics_runs(
            run_id TEXT PRIMARY KEY,
            day INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX ix_analytics_runs_day ON analytics_runs(day);
        CREATE TABLE rollup_runs(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL,
            started INTEGER NOT NULL, completed INTEGER NOT NULL, abandoned INTEGER NOT NULL, cancelled INTEGER NOT NULL,
            handed_off INTEGER NOT NULL, replaced INTEGER NOT NULL, in_progress INTEGER NOT NULL, resumed INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language)) WITHOUT ROWID;
        CREATE TABLE rollup_steps(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL,
            step_id TEXT NOT NULL, entered INTEGER NOT NULL, moved_on INTEGER NOT NULL,
            ended_completed INTEGER NOT NULL, ended_abandoned INTEGER NOT NULL, ended_cancelled INTEGER NOT NULL,
            ended_handed_off INTEGER NOT NULL, ended_replaced INTEGER NOT NULL, in_progress INTEGER NOT NULL, resumed INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, step_id)) WITHOUT ROWID;
        CREATE TABLE rollup_step_seconds(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL,
            step_id TEXT NOT NULL, bucket INTEGER NOT NULL, runs INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, step_id, bucket)) WITHOUT ROWID;
        CREATE TABLE rollup_outcomes(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL,
            outcome TEXT NOT NULL, runs INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, outcome)) WITHOUT ROWID;
        CREATE INDEX ix_rollup_runs_day ON rollup_runs(day);
        CREATE INDEX ix_rollup_steps_day ON rollup_steps(day);
        CREATE INDEX ix_rollup_step_seconds_day ON rollup_step_seconds(day);
        CREATE INDEX ix_rollup_outcomes_day ON rollup_outcomes(day);
        CREATE TABLE rollup_state(
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL);
        """,
        // 3: Zalo OA channel — inbox (idempotent on msg_id), outbox (durable sends), citizens' last message (service window), OAuth tokens.
        """
        CREATE TABLE zalo_inbox(
            msg_key TEXT PRIMARY KEY,
            event_name TEXT NOT NULL,
            user_id TEXT NOT NULL,
            text TEXT,
            received_at INTEGER NOT NULL,
            processed_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            outcome TEXT);
        CREATE INDEX ix_zalo_inbox_pending ON zalo_inbox(processed_at);
        CREATE TABLE zalo_outbox(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL,
            message TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pending',
            reason TEXT,
            done_at INTEGER);
        CREATE INDEX ix_zalo_outbox_due ON zalo_outbox(status, due_at);
        CREATE TABLE zalo_users(
            user_id TEXT PRIMARY KEY,
            last_message_at INTEGER NOT NULL,
            choices TEXT);
        CREATE TABLE zalo_tokens(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            access_token TEXT NOT NULL,
            refresh_token TEXT NOT NULL,
            access_expires_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            spent_at INTEGER,
            refreshing_until INTEGER);
        """,
        // 4: staff accounts for the dashboard. Only a password hash (ASP.NET Core Identity's format) is kept; failed sign-ins
        // and the lock-out end live here so a lock-out holds across restarts and instances.
        """
        CREATE TABLE staff_accounts(
            name TEXT PRIMARY KEY COLLATE NOCASE,
            role TEXT NOT NULL CHECK(role IN ('viewer', 'admin')),
            password_hash TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            created_at INTEGER NOT NULL);
        """,
        // 5: API keys for /api/analytics/*, made by admins. Only a SHA-256 of the key is kept (keys are 256 random bits, so a
        // fast hash is enough) with a short prefix to recognise it; the unique index finds a key by its hash in one look-up.
        """
        CREATE TABLE api_keys(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            prefix TEXT NOT NULL,
            key_hash BLOB NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_used_at INTEGER,
            revoked_at INTEGER,
            revoked_by TEXT);
        """,
        // 6: Zalo inbox claims, so a worker holds the events it runs (a lease) and a citizen's events run in arrival order
        // even with several workers.
        """
        ALTER TABLE zalo_inbox ADD COLUMN claimed_until INTEGER;
        """,
        // 7: the Direct Line transcript (activities numbered per conversation: the numbers are the watermarks), secrets the
        // first host generates (the development Direct Line secret) and ASP.NET Core data-protection keys, so they outlive
        // a restart. first_seq/last_seq/bytes describe what is kept, so bounding a conversation needs no count of its rows; bytes comes before the activity, so trimming reads sizes without the JSON.
        """
        CREATE TABLE directline_conversations(
            conversation_id TEXT PRIMARY KEY,
            user_id TEXT,
            started INTEGER NOT NULL DEFAULT 0,
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            bytes INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX ix_directline_conversations_updated ON directline_conversations(updated_at);
        CREATE TABLE directline_activities(
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            activity TEXT NOT NULL,
            PRIMARY KEY(conversation_id, seq)) WITHOUT ROWID;
        CREATE TABLE shared_secrets(
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE data_protection_keys(
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        """,
        // 8: the Bot Connector outbox: replies on their way to an activity's serviceUrl, claimed like the Zalo outbox. The
        // address and activity are kept only until the reply is delivered (then the row goes) or dropped (then they are
        // cleared); order_key, a hash of the conversation, keeps a conversation's replies in order.
        """
        CREATE TABLE connector_outbox(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_key TEXT NOT NULL,
            service_url TEXT,
            conversation_id TEXT,
            reply_to_id TEXT,
            activity TEXT,
            created_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pending',
            reason TEXT,
            done_at INTEGER);
        CREATE INDEX ix_connector_outbox_due ON connector_outbox(status, due_at);
        CREATE INDEX ix_connector_outbox_order ON connector_outbox(order_key, id);
        """,
        // 9: roll-ups by commune (issue 17): every roll-up row also has the commune the run's citizen named ('' for none).
        // Roll-ups are derived from events, so the tables are made again and the watermark dropped: the next refresh folds
        // every run again, now with its commune (about a minute at 10 M events).
        """
        DROP TABLE rollup_runs;
        DROP TABLE rollup_steps;
        DROP TABLE rollup_step_seconds;
        DROP TABLE rollup_outcomes;
        CREATE TABLE rollup_runs(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL, commune TEXT NOT NULL,
            started INTEGER NOT NULL, completed INTEGER NOT NULL, abandoned INTEGER NOT NULL, cancelled INTEGER NOT NULL,
            handed_off INTEGER NOT NULL, replaced INTEGER NOT NULL, in_progress INTEGER NOT NULL, resumed INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, commune)) WITHOUT ROWID;
        CREATE TABLE rollup_steps(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL, commune TEXT NOT NULL,
            step_id TEXT NOT NULL, entered INTEGER NOT NULL, moved_on INTEGER NOT NULL,
            ended_completed INTEGER NOT NULL, ended_abandoned INTEGER NOT NULL, ended_cancelled INTEGER NOT NULL,
            ended_handed_off INTEGER NOT NULL, ended_replaced INTEGER NOT NULL, in_progress INTEGER NOT NULL, resumed INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, commune, step_id)) WITHOUT ROWID;
        CREATE TABLE rollup_step_seconds(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL, commune TEXT NOT NULL,
            step_id TEXT NOT NULL, bucket INTEGER NOT NULL, runs INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, commune, step_id, bucket)) WITHOUT ROWID;
        CREATE TABLE rollup_outcomes(
            flow_id TEXT NOT NULL, day INTEGER NOT NULL, content_version TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL, commune TEXT NOT NULL,
            outcome TEXT NOT NULL, runs INTEGER NOT NULL,
            PRIMARY KEY(flow_id, day, content_version, channel, language, commune, outcome)) WITHOUT ROWID;
        CREATE INDEX ix_rollup_runs_day ON rollup_runs(day);
        CREATE INDEX ix_rollup_runs_commune ON rollup_runs(commune, day);
        CREATE INDEX ix_rollup_steps_day ON rollup_steps(day);
        CREATE INDEX ix_rollup_step_seconds_day ON rollup_step_seconds(day);
        CREATE INDEX ix_rollup_outcomes_day ON rollup_outcomes(day);
        DELETE FROM rollup_state WHERE name = 'events';
        """,
    ];

    public static int Latest => Migrations.Length;

    /// <summary>Applies the migrations the file has not had yet; returns how many.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }
        long current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)read.ExecuteScalar()!;
        }
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({Migrations.Length}). Upgrade GuidanceBot.");
        }
        for (var version = (int)current + 1; version <= Migrations.Length; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version - 1] + $"; INSERT INTO schema_version(version) VALUES({version});";
            migrate.ExecuteNonQuery();
        }
        transaction.Commit();
        return Migrations.Length - (int)current;
    }
}
