-- Which server runs each job execution, and when it last said it still does.
--
-- Payara's job repository (batch_* tables, created by Payara itself, hence no foreign key)
-- keeps an execution STARTED for ever when its server dies. A server that starts again
-- restarts its own such executions at once; an execution whose server has been silent for a
-- few minutes is restarted by whichever server notices first. Without this table a server
-- could not tell another live server's running execution from a dead one's.
create table job_heartbeat (
    execution_id  bigint primary key,
    server        varchar(200) not null,
    -- the database's clock, the same for every server
    beat_at       timestamptz not null default now()
);
