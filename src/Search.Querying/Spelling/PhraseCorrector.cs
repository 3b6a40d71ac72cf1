using Lucene.Net.Analysis;

namespace Search.Querying.Spelling;

/// <summary>
/// Corrects a query as a whole (#18): the likeliest words meant, given the words typed, by a noisy channel — the
/// language model's score of the candidate phrase (<see cref="LanguageModel"/>) times the likelihood of the slips that
/// would turn it into what was typed (<see cref="ErrorModel"/>) — as Elasticsearch's phrase suggester and Norvig's
/// corrector do.
/// </summary>
/// <remarks>
/// Each run of adjacent words (an exclusion or OR ends a run; numbers are skipped, as in the model) is decoded with the
/// Viterbi algorithm over each word's candidates: the word as typed and up to <see cref="MaxCandidates"/> words one slip
/// away that the model has seen at least <see cref="MinCandidateCount"/> times (two slips away, through
/// <c>farCandidates</c>, for a word the model has never seen and nothing one slip away). The best phrase replaces
/// the typed one only when it scores more than <see cref="Confidence"/> times the typed phrase, which starts with an
/// advantage: a word seen <see cref="KnownCount"/> times or more counts <see cref="KnownWordBonus"/> times more
/// (precision first: a real word is corrected only when a one-slip neighbour is far likelier, alone 250 times as
/// frequent, or in context). Stop words are corrected and proposed like any word (in context their pairs decide:
/// يوافق لى is يوافق على); a word of two letters only among others, never alone; words that are not all Arabic letters
/// are context, never corrected.
/// </remarks>
internal sealed class PhraseCorrector(Analyzer analyzer)
{
    /// <summary>Candidates kept per word (besides the word as typed), the likeliest first.</summary>
    public const int MaxCandidates = 8;

    /// <summary>A candidate must be counted at least this often (weighted) in the model.</summary>
    public const int MinCandidateCount = 3;

    /// <summary>A typed word counted at least this often (weighted) is a real word.</summary>
    public const int KnownCount = 3;

    /// <summary>How much likelier a real word is taken to be meant, beside its count.</summary>
    public const double KnownWordBonus = 5;

    /// <summary>The corrected phrase must score more than this many times the typed one.</summary>
    public const double Confidence = 1;

    /// <summary>A word alone shorter than this (normalized) is never corrected.</summary>
    public const int MinLength = 3;

    /// <summary>A word among others shorter than this is never corrected: two letters are corrected in context only (لى for على).</summary>
    public const int MinLengthInContext = 2;

    /// <summary>
    /// The correction of <paramref name="text"/>, or null when the words as typed are likeliest. <paramref name="surface"/>
    /// gives a corrected word's display spelling; <paramref name="farCandidates"/> the words two slips from an unknown word.
    /// </summary>
    public PhraseCorrection? Correct(
        string text, LanguageModel model, Func<string, string?> surface, Func<string, IEnumerable<string>>? farCandidates = null)
    {
        var words = QueryWords.Of(analyzer, text);
        var replacements = new List<(QueryWord Word, string Corrected, SlipKind Slip)>();
        var confidence = 1.0;
        foreach (var run in words.Runs)
        {
            var minLength = run.Count == 1 ? MinLength : MinLengthInContext;
            var slots = run.Select(word => Candidates(word, model, farCandidates, minLength)).ToList();
            if (slots.All(slot => slot.Count == 1))
            {
                continue;
            }

            var (best, score) = Decode(slots, model);
            var typed = Score(slots, [.. slots.Select(_ => 0)], model);
            if (score - typed <= Math.Log(Confidence))
            {
                continue;
            }

            confidence *= Math.Exp(score - typed);
            for (var i = 0; i < run.Count; i++)
            {
                if (best[i] != 0)
                {
                    var chosen = slots[i][best[i]];
                    replacements.Add((run[i], chosen.Word, chosen.Slip));
                }
            }
        }

        if (replacements.Count == 0)
        {
            return null;
        }

        var corrected = words.Replace(replacements.Select(r => (r.Word, surface(r.Corrected) ?? r.Corrected)));
        return new PhraseCorrection(corrected, [.. replacements.Select(r => new WordCorrection(r.Word.Text, r.Corrected, r.Slip))], confidence);
    }

    // The word as typed first, then the likeliest words one slip away (by count × slip probability).
    private static List<Candidate> Candidates(QueryWord word, LanguageModel model, Func<string, IEnumerable<string>>? farCandidates, int minLength)
    {
        var count = model.Count(word.Hash);
        var slots = new List<Candidate> { new(word.Term, word.Hash, SlipKind.None, count >= KnownCount ? Math.Log(KnownWordBonus) : 0) };
        if (!word.Correctable || word.Term.Length < minLength)
        {
            return slots;
        }

        var near = ErrorModel.Slips(word.Letters!, hash => hash != word.Hash && model.CandidateCount(hash) >= MinCandidateCount, anyLetter: count < KnownCount)
            .Select(c => new Candidate(c.Word, c.Hash, c.Kind, Math.Log(ErrorModel.Probability(c.Kind))))
            .ToList();
        if (near.Count == 0 && count == 0 && farCandidates is not null)
        {
            near = [.. farCandidates(word.Term)
                .Select(far => (Word: far, Hash: TermHash.Of(far)))
                .Where(far => far.Hash != word.Hash && model.Count(far.Hash) >= MinCandidateCount)
                .Select(far => new Candidate(far.Word, far.Hash, SlipKind.TwoEdits, Math.Log(ErrorModel.Probability(SlipKind.TwoEdits))))];
        }

        slots.AddRange(near
            .OrderByDescending(c => Math.Log(model.Count(c.Hash)) + c.LogSlip)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Take(MaxCandidates));
        return slots;
    }

    // The best choice of one candidate per slot, and its log score (Viterbi over the pairs of adjacent slots).
    private static (int[] Choice, double Score) Decode(List<List<Candidate>> slots, LanguageModel model)
    {
        var scores = slots[0].Select(c => model.LogStart(c.Hash) + c.LogSlip).ToArray();
        var back = new List<int[]>();
        for (var i = 1; i < slots.Count; i++)
        {
            var next = new double[slots[i].Count];
            var from = new int[slots[i].Count];
            for (var j = 0; j < slots[i].Count; j++)
            {
                next[j] = double.NegativeInfinity;
                for (var k = 0; k < slots[i - 1].Count; k++)
                {
                    var score = scores[k] + model.LogNext(slots[i - 1][k].Hash, slots[i][j].Hash);
                    if (score > next[j])
                    {
                        (next[j], from[j]) = (score, k);
                    }
                }

                next[j] += slots[i][j].LogSlip;
            }

            back.Add(from);
            scores = next;
        }

        var choice = new int[slots.Count];
        var best = 0;
        for (var j = 1; j < scores.Length; j++)
        {
            best = scores[j] > scores[best] ? j : best;
        }

        choice[^1] = best;
        for (var i = slots.Count - 1; i > 0; i--)
        {
            choice[i - 1] = back[i - 1][choice[i]];
        }

        return (choice, scores[best]);
    }

    private static double Score(List<List<Candidate>> slots, int[] choice, LanguageModel model)
    {
        var score = model.LogStart(slots[0][choice[0]].Hash) + slots[0][choice[0]].LogSlip;
        for (var i = 1; i < slots.Count; i++)
        {
            score += model.LogNext(slots[i - 1][choice[i - 1]].Hash, slots[i][choice[i]].Hash) + slots[i][choice[i]].LogSlip;
        }

        return score;
    }

    private sealed record Candidate(string Word, ulong Hash, SlipKind Slip, double LogSlip);
}
