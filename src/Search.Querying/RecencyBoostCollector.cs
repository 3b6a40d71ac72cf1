using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Multiplies each document's score by a recency factor before the inner (top-docs) collector sees it.</summary>
/// <remarks>
/// factor = 1 + 2^(−age / half-life), age = reference − publication time (never negative), so a fresh article counts up to
/// twice, one a half-life old 1.5 times, an old one once: relevance still leads, freshness breaks near-ties, as news
/// readers expect. Undated articles get factor 1. The reference is the newest publication time in the index rather
/// than the clock, so an archive (this corpus ends in 2018) behaves as a live feed would. Cost: one doc-values read and
/// one <see cref="Math.Pow(double, double)"/> per scored document.
/// </remarks>
internal sealed class RecencyBoostCollector(ICollector inner, long referenceMillis, double halfLifeDays) : ICollector
{
    private readonly double _halfLifeMillis = halfLifeDays * 86_400_000d;
    private NumericDocValues? _dates;
    private Lucene.Net.Util.IBits? _hasDate;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(new BoostingScorer(scorer, this));

    public void SetNextReader(AtomicReaderContext context)
    {
        _dates = context.AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
        _hasDate = context.AtomicReader.GetDocsWithField(NewsFields.DateMillis);
        inner.SetNextReader(context);
    }

    public void Collect(int doc) => inner.Collect(doc);

    /// <summary>The factor for a document published at <paramref name="millis"/> (exposed for tests).</summary>
    public static float Factor(long referenceMillis, long millis, double halfLifeMillis) =>
        (float)(1 + Math.Pow(2, -Math.Max(0, referenceMillis - millis) / halfLifeMillis));

    private float Factor(int doc) =>
        _dates is null || _hasDate is null || !_hasDate.Get(doc) ? 1f : Factor(referenceMillis, _dates.Get(doc), _halfLifeMillis);

    // No weight: the scorers handed to collectors (BooleanScorer's FakeScorer among them) may not have one to give.
    private sealed class BoostingScorer(Scorer scorer, RecencyBoostCollector owner) : Scorer(null!)
    {
        public override int DocID => scorer.DocID;

        public override int Freq => scorer.Freq;

        public override float GetScore() => scorer.GetScore() * owner.Factor(scorer.DocID);

        public override int NextDoc() => scorer.NextDoc();

        public override int Advance(int target) => scorer.Advance(target);

        public override long GetCost() => scorer.GetCost();
    }
}
