using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClusteredSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScheduledFor",
                table: "ImportRuns",
                type: "timestamp with time zone",
                nullable: true);

            // Quartz's ADO job store (clustered schedules, Imports/Scheduling): the tables and columns Quartz 4.7 reads
            // and writes on PostgreSQL, under the prefix QuartzTables.Prefix. Times are .NET ticks (bigint), job data
            // is System.Text.Json in bytea. The execution-history tables are left out: they are for
            // UsePersistentStore(s => s.UseExecutionHistory()), which the schedules do not use.
            foreach (var statement in QuartzSchema) migrationBuilder.Sql(statement);
        }

        private static readonly string[] QuartzSchema =
        [
            """
            CREATE TABLE qrtz_job_details (
                sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL,
                description text, job_class_name text NOT NULL,
                is_durable boolean NOT NULL, is_nonconcurrent boolean NOT NULL, is_update_data boolean NOT NULL,
                requests_recovery boolean NOT NULL, job_data bytea,
                CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group))
            """,
            """
            CREATE TABLE qrtz_triggers (
                sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
                job_name text NOT NULL, job_group text NOT NULL, description text,
                next_fire_time bigint, prev_fire_time bigint, priority integer,
                trigger_state text NOT NULL, trigger_type text NOT NULL,
                start_time bigint NOT NULL, end_time bigint, calendar_name text,
                misfire_instr smallint, misfire_orig_fire_time bigint, misfire_threshold bigint,
                execution_group varchar(200), preferred_node varchar(200), preferred_node_auto boolean NOT NULL DEFAULT false,
                retry_policy varchar(250), retry_attempt integer,
                continues_trigger_name text, continues_trigger_group text, continuation_condition integer,
                overlap_policy integer, pause_reason varchar(250), paused_by varchar(200), paused_at bigint,
                fixed_delay boolean, job_data bytea,
                CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (sched_name, job_name, job_group)
                    REFERENCES qrtz_job_details (sched_name, job_name, job_group))
            """,
            """
            CREATE TABLE qrtz_simple_triggers (
                sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
                repeat_count bigint NOT NULL, repeat_interval bigint NOT NULL, times_triggered bigint NOT NULL,
                CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_simple_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE qrtz_cron_triggers (
                sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
                cron_expression text NOT NULL, time_zone_id text,
                CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_cron_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE qrtz_simprop_triggers (
                sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
                str_prop_1 text, str_prop_2 text, str_prop_3 text,
                int_prop_1 integer, int_prop_2 integer, long_prop_1 bigint, long_prop_2 bigint,
                dec_prop_1 numeric, dec_prop_2 numeric, bool_prop_1 boolean, bool_prop_2 boolean, time_zone_id text,
                CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_simprop_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE qrtz_blob_triggers (
                sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, blob_data bytea,
                CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_blob_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE qrtz_calendars (
                sched_name text NOT NULL, calendar_name text NOT NULL, calendar bytea NOT NULL,
                CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name))
            """,
            """
            CREATE TABLE qrtz_paused_trigger_grps (
                sched_name text NOT NULL, trigger_group text NOT NULL,
                pause_reason varchar(250), paused_by varchar(200), paused_at bigint,
                CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group))
            """,
            """
            CREATE TABLE qrtz_paused_job_grps (
                sched_name text NOT NULL, job_group text NOT NULL,
                pause_reason varchar(250), paused_by varchar(200), paused_at bigint,
                CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group))
            """,
            """
            CREATE TABLE qrtz_fired_triggers (
                sched_name text NOT NULL, entry_id text NOT NULL,
                trigger_name text NOT NULL, trigger_group text NOT NULL, instance_name text NOT NULL,
                fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL, state text NOT NULL,
                job_name text, job_group text, is_nonconcurrent boolean NOT NULL, requests_recovery boolean,
                execution_group varchar(200), progress integer, progress_message varchar(250), interrupt_requested_time bigint,
                CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id))
            """,
            """
            CREATE TABLE qrtz_scheduler_state (
                sched_name text NOT NULL, instance_name text NOT NULL,
                last_checkin_time bigint NOT NULL, checkin_interval bigint NOT NULL, quartz_version varchar(20),
                CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name))
            """,
            """
            CREATE TABLE qrtz_locks (
                sched_name text NOT NULL, lock_name text NOT NULL,
                CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name))
            """,
            // The lookups Quartz makes: by job, by group, by calendar, the next triggers to fire, and a node's firings.
            "CREATE INDEX ix_qrtz_job_details_group ON qrtz_job_details (sched_name, job_group, job_name)",
            "CREATE INDEX ix_qrtz_triggers_job ON qrtz_triggers (sched_name, job_name, job_group)",
            "CREATE INDEX ix_qrtz_triggers_group ON qrtz_triggers (sched_name, trigger_group, trigger_name)",
            "CREATE INDEX ix_qrtz_triggers_calendar ON qrtz_triggers (sched_name, calendar_name)",
            "CREATE INDEX ix_qrtz_triggers_next_fire ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr)",
            "CREATE INDEX ix_qrtz_fired_triggers_instance ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery)",
            "CREATE INDEX ix_qrtz_fired_triggers_job ON qrtz_fired_triggers (sched_name, job_name, job_group)",
            "CREATE INDEX ix_qrtz_fired_triggers_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group)",
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "fired_triggers", "simple_triggers", "cron_triggers", "simprop_triggers", "blob_triggers", "triggers",
                "job_details", "calendars", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks" })
            {
                migrationBuilder.Sql($"DROP TABLE qrtz_{table}");
            }
            migrationBuilder.DropColumn(
                name: "ScheduledFor",
                table: "ImportRuns");
        }
    }
}
