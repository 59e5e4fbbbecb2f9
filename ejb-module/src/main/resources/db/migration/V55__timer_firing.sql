-- Which member of a Deployment Group ran each firing of a scheduled job.
--
-- Every member of a group has the same schedules (EJB timers kept per member), so each would
-- start the nightly and periodic jobs. The first member to insert a job's row for a period runs
-- it; the others find the row and skip. The period's start comes from the database's clock, the
-- same for every member, so a member whose clock drifts still claims the same period.
create table timer_firing (
    job         varchar(100) not null,
    period      timestamptz not null,
    server      varchar(200) not null,
    claimed_at  timestamptz not null default now(),
    primary key (job, period)
);
