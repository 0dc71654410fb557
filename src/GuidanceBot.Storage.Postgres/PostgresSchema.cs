using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// Versioned schema of the PostgreSQL database. Append a migration; never edit one that has shipped. Applied at start-up
/// under a session advisory lock, so instances starting at the same moment apply each migration once (the others wait,
/// then find nothing left to do).
/// Tables that grow with traffic carry the conversation key first in their primary key (conversation_id for state and
/// events, the Zalo user for the Zalo queues), so they can be distributed by it (Citus) without a change of keys.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key of migrations ("GBmigrat").</summary>
    private const long MigrationLock = 0x47426D6967726174;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversations(
            conversation_id text NOT NULL,
            channel text NOT NULL,
            state text NOT NULL,
            etag text NOT NULL,
            updated_at timestamptz NOT NULL,
            active_at timestamptz,
            swept_at timestamptz,
            PRIMARY KEY (conversation_id, channel));
        -- A state of a few kB is rewritten on every turn: kept inline and uncompressed up to a page, as SQLite keeps it.
        ALTER TABLE conversations SET (toast_tuple_target = 8160);
        CREATE INDEX ix_conversations_sweep ON conversations(active_at) WHERE swept_at IS NULL OR swept_at < active_at;

        -- Events are partitioned by month (PostgresEventPartitions creates the partitions ahead). xid is the writing
        -- transaction: the roll-ups fold in events of finished transactions only, so none is skipped while another commits
        -- late.
        CREATE SEQUENCE events_id_seq;
        CREATE TABLE events(
            conversation_id text NOT NULL,
            ts timestamptz NOT NULL,
            id bigint NOT NULL DEFAULT nextval('events_id_seq'),
            xid bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
            channel text NOT NULL,
            run_id text,
            flow_id text,
            content_version text,
            step_id text,
            kind text NOT NULL,
            language text,
            props jsonb,
            PRIMARY KEY (conversation_id, ts, id)) PARTITION BY RANGE (ts);
        CREATE INDEX ix_events_xid ON events(xid);
        CREATE INDEX ix_events_kind ON events(kind, ts);

        CREATE TABLE analytics_runs(
            conversation_id text NOT NULL,
            run_id text NOT NULL,
            day integer NOT NULL,
            PRIMARY KEY (conversation_id, run_id));
        CREATE INDEX ix_analytics_runs_day ON analytics_runs(day);
        CREATE TABLE rollup_runs(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL,
            started bigint NOT NULL, completed bigint NOT NULL, abandoned bigint NOT NULL, cancelled bigint NOT NULL,
            handed_off bigint NOT NULL, replaced bigint NOT NULL, in_progress bigint NOT NULL, resumed bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language));
        CREATE TABLE rollup_steps(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL,
            step_id text NOT NULL, entered bigint NOT NULL, moved_on bigint NOT NULL,
            ended_completed bigint NOT NULL, ended_abandoned bigint NOT NULL, ended_cancelled bigint NOT NULL,
            ended_handed_off bigint NOT NULL, ended_replaced bigint NOT NULL, in_progress bigint NOT NULL, resumed bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, step_id));
        CREATE TABLE rollup_step_seconds(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL,
            step_id text NOT NULL, bucket integer NOT NULL, runs bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, step_id, bucket));
        CREATE TABLE rollup_outcomes(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL,
            outcome text NOT NULL, runs bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, outcome));
        CREATE INDEX ix_rollup_runs_day ON rollup_runs(day);
        CREATE INDEX ix_rollup_steps_day ON rollup_steps(day);
        CREATE INDEX ix_rollup_step_seconds_day ON rollup_step_seconds(day);
        CREATE INDEX ix_rollup_outcomes_day ON rollup_outcomes(day);
        CREATE TABLE rollup_state(
            name text PRIMARY KEY,
            value bigint NOT NULL);

        CREATE SEQUENCE zalo_inbox_seq;
        CREATE TABLE zalo_inbox(
            user_id text NOT NULL,
            msg_key text NOT NULL,
            seq bigint NOT NULL DEFAULT nextval('zalo_inbox_seq'),
            event_name text NOT NULL,
            text text,
            received_at timestamptz NOT NULL,
            processed_at timestamptz,
            claimed_until timestamptz,
            attempts integer NOT NULL DEFAULT 0,
            outcome text,
            PRIMARY KEY (user_id, msg_key));
        CREATE INDEX ix_zalo_inbox_pending ON zalo_inbox(seq) WHERE processed_at IS NULL;
        CREATE SEQUENCE zalo_outbox_id_seq;
        CREATE TABLE zalo_outbox(
            user_id text NOT NULL,
            id bigint NOT NULL DEFAULT nextval('zalo_outbox_id_seq'),
            message text NOT NULL,
            created_at timestamptz NOT NULL,
            due_at timestamptz NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            status text NOT NULL DEFAULT 'pending',
            reason text,
            done_at timestamptz,
            PRIMARY KEY (user_id, id));
        CREATE INDEX ix_zalo_outbox_due ON zalo_outbox(status, due_at);
        CREATE TABLE zalo_users(
            user_id text PRIMARY KEY,
            last_message_at timestamptz NOT NULL,
            choices text[]);
        CREATE TABLE zalo_tokens(
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            access_token text NOT NULL,
            refresh_token text NOT NULL,
            access_expires_at timestamptz NOT NULL,
            created_at timestamptz NOT NULL,
            spent_at timestamptz,
            refreshing_until timestamptz);

        CREATE TABLE staff_accounts(
            name text NOT NULL,
            role text NOT NULL CHECK (role IN ('viewer', 'admin')),
            password_hash text NOT NULL,
            failed_sign_ins integer NOT NULL DEFAULT 0,
            locked_until timestamptz,
            created_at timestamptz NOT NULL);
        CREATE UNIQUE INDEX ux_staff_accounts_name ON staff_accounts(lower(name));
        CREATE TABLE api_keys(
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            prefix text NOT NULL,
            key_hash bytea NOT NULL UNIQUE,
            created_by text NOT NULL,
            created_at timestamptz NOT NULL,
            last_used_at timestamptz,
            revoked_at timestamptz,
            revoked_by text);
        """,
        // 2: the Direct Line transcript, keyed by conversation first (activities numbered per conversation: the numbers are
        // the watermarks), secrets the first instance generates (the development Direct Line secret) and ASP.NET Core
        // data-protection keys, shared by every instance. first_seq/last_seq/bytes describe what is kept, so bounding a
        // conversation needs no count of its rows; bytes comes before the activity, so trimming reads sizes without the JSON.
        """
        CREATE TABLE directline_conversations(
            conversation_id text PRIMARY KEY,
            user_id text,
            started boolean NOT NULL DEFAULT false,
            first_seq bigint NOT NULL,
            last_seq bigint NOT NULL,
            bytes bigint NOT NULL DEFAULT 0,
            updated_at timestamptz NOT NULL);
        CREATE INDEX ix_directline_conversations_updated ON directline_conversations(updated_at);
        CREATE TABLE directline_activities(
            conversation_id text NOT NULL,
            seq bigint NOT NULL,
            bytes integer NOT NULL,
            activity text NOT NULL,
            PRIMARY KEY (conversation_id, seq));
        CREATE TABLE shared_secrets(
            name text PRIMARY KEY,
            value text NOT NULL,
            created_at timestamptz NOT NULL);
        CREATE TABLE data_protection_keys(
            name text PRIMARY KEY,
            xml text NOT NULL,
            created_at timestamptz NOT NULL);
        """,
        // 3: the Bot Connector outbox: replies on their way to an activity's serviceUrl, claimed like the Zalo outbox. The
        // address and activity are kept only until the reply is delivered (then the row goes) or dropped (then they are
        // cleared); order_key, a hash of the conversation, keeps a conversation's replies in order and leads the key.
        """
        CREATE SEQUENCE connector_outbox_id_seq;
        CREATE TABLE connector_outbox(
            order_key text NOT NULL,
            id bigint NOT NULL DEFAULT nextval('connector_outbox_id_seq'),
            service_url text,
            conversation_id text,
            reply_to_id text,
            activity text,
            created_at timestamptz NOT NULL,
            due_at timestamptz NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            status text NOT NULL DEFAULT 'pending',
            reason text,
            done_at timestamptz,
            PRIMARY KEY (order_key, id));
        CREATE INDEX ix_connector_outbox_due ON connector_outbox(status, due_at);
        """,
        // 4: roll-ups by commune (issue 17): every roll-up row also has the commune the run's citizen named ('' for none).
        // Roll-ups are derived from events, so the tables are made again and the watermark dropped: the next refresh folds
        // every run again, now with its commune (about a minute at 10 M events).
        """
        DROP TABLE rollup_runs;
        DROP TABLE rollup_steps;
        DROP TABLE rollup_step_seconds;
        DROP TABLE rollup_outcomes;
        CREATE TABLE rollup_runs(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL, commune text NOT NULL,
            started bigint NOT NULL, completed bigint NOT NULL, abandoned bigint NOT NULL, cancelled bigint NOT NULL,
            handed_off bigint NOT NULL, replaced bigint NOT NULL, in_progress bigint NOT NULL, resumed bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, commune));
        CREATE TABLE rollup_steps(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL, commune text NOT NULL,
            step_id text NOT NULL, entered bigint NOT NULL, moved_on bigint NOT NULL,
            ended_completed bigint NOT NULL, ended_abandoned bigint NOT NULL, ended_cancelled bigint NOT NULL,
            ended_handed_off bigint NOT NULL, ended_replaced bigint NOT NULL, in_progress bigint NOT NULL, resumed bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, commune, step_id));
        CREATE TABLE rollup_step_seconds(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL, commune text NOT NULL,
            step_id text NOT NULL, bucket integer NOT NULL, runs bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, commune, step_id, bucket));
        CREATE TABLE rollup_outcomes(
            flow_id text NOT NULL, day integer NOT NULL, content_version text NOT NULL, channel text NOT NULL, language text NOT NULL, commune text NOT NULL,
            outcome text NOT NULL, runs bigint NOT NULL,
            PRIMARY KEY (flow_id, day, content_version, channel, language, commune, outcome));
        CREATE INDEX ix_rollup_runs_day ON rollup_runs(day);
        CREATE INDEX ix_rollup_runs_commune ON rollup_runs(commune, day);
        CREATE INDEX ix_rollup_steps_day ON rollup_steps(day);
        CREATE INDEX ix_rollup_step_seconds_day ON rollup_step_seconds(day);
        CREATE INDEX ix_rollup_outcomes_day ON rollup_outcomes(day);
        DELETE FROM rollup_state WHERE name = 'events-xid';
        """,
    ];

    public static int Latest => Migrations.Length;

    /// <summary>Applies the migrations this database has not had yet; returns how many.</summary>
    public static int Migrate(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        Execute(connection, null, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version(version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
            var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (current > Migrations.Length)
            {
                throw new InvalidOperationException(
                    $"The database is at schema version {current}, newer than this build knows ({Migrations.Length}). Upgrade GuidanceBot.");
            }
            for (var version = current + 1; version <= Migrations.Length; version++)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, Migrations[version - 1]);
                Execute(connection, transaction, $"INSERT INTO schema_version(version) VALUES({version})");
                transaction.Commit();
            }
            return Migrations.Length - current;
        }
        finally
        {
            Execute(connection, null, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    /// <summary>The version the database is at.</summary>
    public static int Current(NpgsqlDataSource dataSource)
    {
        using var exists = dataSource.CreateCommand("SELECT to_regclass('schema_version') IS NOT NULL");
        if (!(bool)exists.ExecuteScalar()!)
        {
            return 0;
        }
        using var command = dataSource.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
