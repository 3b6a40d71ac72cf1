using Lucene.Net.Util;

namespace Search.Querying.Scoring;

/// <summary>A search's time budget (#7), read on the same millisecond clock as Lucene's time-limiting collector.</summary>
internal sealed class SearchDeadline
{
    private readonly Counter? _clock;
    private readonly long _limit;
    private readonly long _start;

    private SearchDeadline(Counter? clock, long limitMilliseconds)
    {
        _clock = clock;
        _limit = limitMilliseconds;
        _start = clock?.Value ?? 0;
    }

    /// <summary>No budget: never expires.</summary>
    public static SearchDeadline None { get; } = new(null, 0);

    /// <summary>A budget of <paramref name="budget"/> from now on <paramref name="clock"/> (null: Lucene's shared timer); none when it is zero.</summary>
    public static SearchDeadline Start(TimeSpan budget, Counter? clock) =>
        budget > TimeSpan.Zero ? new SearchDeadline(clock ?? Lucene.Net.Search.TimeLimitingCollector.GlobalCounter, (long)budget.TotalMilliseconds) : None;

    /// <summary>True once the budget is spent.</summary>
    public bool Expired => _clock is not null && _clock.Value - _start > _limit;
}
