namespace Search.Evaluation.Reports;

/// <summary>Two-sided paired randomization (permutation) test of the mean difference between two systems' per-query scores.</summary>
/// <remarks>
/// Under the null hypothesis the two systems are exchangeable on every query, so each per-query difference keeps or
/// flips its sign with probability ½. The p-value is the share of <see cref="Trials"/> random sign assignments whose
/// mean difference is at least as far from 0 as the observed one, counting the observed assignment itself
/// ((hits + 1) / (trials + 1), so it is never 0). A fixed seed makes every report reproducible (Smucker, Allan and
/// Carterette, CIKM 2007, recommend this test for IR).
/// </remarks>
public static class PairedRandomizationTest
{
    /// <summary>Random sign assignments drawn.</summary>
    public const int Trials = 10_000;

    /// <summary>The seed of the generator: the same inputs always give the same p-value.</summary>
    public const int Seed = 20231;

    /// <summary>The p-value for per-query differences <paramref name="differences"/> (system B − system A).</summary>
    public static double PValue(IReadOnlyList<double> differences, int trials = Trials, int seed = Seed)
    {
        if (differences.Count == 0)
        {
            return 1;
        }

        var observed = Math.Abs(differences.Sum());
        var random = new Random(seed);
        var hits = 0;
        for (var t = 0; t < trials; t++)
        {
            var sum = 0.0;
            foreach (var difference in differences)
            {
                sum += random.Next(2) == 0 ? difference : -difference;
            }

            // A small tolerance so that floating-point noise does not decide a tie.
            if (Math.Abs(sum) >= observed - 1e-12)
            {
                hits++;
            }
        }

        return (hits + 1.0) / (trials + 1.0);
    }
}
