namespace Search.Api.Contracts.Judging;

/// <summary><c>GET /judge/api/rankings</c>: the configurations a judging request may name.</summary>
/// <param name="Current">The served configuration, the default of every judging request.</param>
/// <param name="WriteKeyRequired">True when writes need the X-Judge-Key header.</param>
/// <param name="Rankings">Every configuration on offer.</param>
public sealed record RankingsResponse(string Current, bool WriteKeyRequired, IReadOnlyList<RankingResponse> Rankings);
