-- A feed's last problem was English text shown to the owner as it was (and, for fetch errors,
-- told a refused connection from an HTTP error). It becomes a kind the back office translates
-- and its arguments (FeedProblem); the details go to the server log only.
alter table channel_feed
    add column problem      varchar(20) check (problem in ('NOT_ALLOWED', 'UNREACHABLE', 'TOO_LARGE',
                                                           'NOT_A_CALENDAR', 'HELD', 'EVENTS_REFUSED')),
    add column problem_args varchar(1000);

-- The old texts were written by FeedFetcher, ChannelFeedService and FeedSyncTransaction: each is
-- recognised by its wording. A held feed keeps its two counts; the names of refused events are
-- not parsed back (the next sync, within minutes, names them again).
update channel_feed set
    problem = case
        when status = 'HELD' then 'HELD'
        when status = 'ERROR' and (last_error like 'the host % is a private or local address'
                                   or last_error like 'only http and https%'
                                   or last_error like 'the address has no host%'
                                   or last_error = 'not a valid address') then 'NOT_ALLOWED'
        when status = 'ERROR' and last_error like 'larger than % KiB' then 'TOO_LARGE'
        when status = 'ERROR' and last_error = 'not an iCalendar feed' then 'NOT_A_CALENDAR'
        when status = 'ERROR' then 'UNREACHABLE'
        when status = 'OK' and rejected_count > 0 then 'EVENTS_REFUSED'
    end,
    problem_args = case
        when status = 'HELD' then
            coalesce(substring(last_error from 'lists (\d+) events'), '0') || chr(10)
            || coalesce(substring(last_error from 'where it had (\d+)'), '0')
    end;

alter table channel_feed drop column last_error;

-- a failed or held feed always says why
alter table channel_feed add constraint channel_feed_problem_ck check (
    (status <> 'ERROR' or coalesce(problem, '') in ('NOT_ALLOWED', 'UNREACHABLE', 'TOO_LARGE', 'NOT_A_CALENDAR'))
    and (status <> 'HELD' or coalesce(problem, '') = 'HELD'));
