namespace Search.Querying.Ranking;

/// <summary>
/// Thrown when a search asks for a ranking configuration whose analysis profile is not the served index's: its
/// queries would be analyzed with another chain than the index was built with, so it cannot run on this index (#5).
/// </summary>
public sealed class RankingProfileMismatchException(string ranking, string rankingProfile, string indexProfile)
    : Exception($"The ranking \"{ranking}\" needs an index of the \"{rankingProfile}\" analysis profile; the served index is \"{indexProfile}\".")
{
    /// <summary>The ranking configuration's name.</summary>
    public string Ranking { get; } = ranking;

    /// <summary>The profile the ranking needs.</summary>
    public string RankingProfile { get; } = rankingProfile;

    /// <summary>The profile of the served index.</summary>
    public string IndexProfile { get; } = indexProfile;
}
