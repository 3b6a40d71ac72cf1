using System.Buffers;
using System.Collections.Frozen;
using Lucene.Net.Analysis.CharFilters;

namespace Search.Core.Analysis;

/// <summary>
/// Character folding rules (one or two characters to any replacement, possibly none), applied left to right with the
/// longest rule first: the semantics of Lucene's <see cref="MappingCharFilter"/>, including its offset corrections, at a
/// fraction of the cost.
/// </summary>
/// <remarks>
/// #6: Lucene.Net's MappingCharFilter wraps its input in a BufferedCharFilter that allocates 16 KiB per text and takes a
/// lock for every character read; for the snippets of a search (ten bodies, each analyzed twice) that was most of their
/// time. This map decides per character with a bitmap (does any rule start here?) and folds a whole text in one pass.
/// FoldingCharFilterTests check it against MappingCharFilter, output and offsets, on the corpus and on random text.
/// </remarks>
public sealed class FoldingMap
{
    private readonly ulong[] _starts = new ulong[(char.MaxValue + 1) / 64];
    private readonly FrozenDictionary<char, string> _singles;
    private readonly FrozenDictionary<int, string> _pairs;

    /// <summary>Compiles <paramref name="rules"/>; each source is one or two characters and appears once.</summary>
    public FoldingMap(IEnumerable<(string From, string To)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var singles = new Dictionary<char, string>();
        var pairs = new Dictionary<int, string>();
        foreach (var (from, to) in list)
        {
            ArgumentNullException.ThrowIfNull(to);
            var added = from.Length switch
            {
                1 => singles.TryAdd(from[0], to),
                2 => pairs.TryAdd(PairKey(from[0], from[1]), to),
                _ => throw new ArgumentException($"A folding rule matches one or two characters, not '{from}'.", nameof(rules)),
            };
            if (!added)
            {
                throw new ArgumentException($"The folding rule for '{from}' is given twice.", nameof(rules));
            }

            _starts[from[0] >> 6] |= 1UL << (from[0] & 63);
        }

        Rules = list.AsReadOnly();
        _singles = singles.ToFrozenDictionary();
        _pairs = pairs.ToFrozenDictionary();
    }

    /// <summary>The rules as given.</summary>
    public IReadOnlyList<(string From, string To)> Rules { get; }

    /// <summary>The same rules as a Lucene map (for comparison and for tools that want a <see cref="MappingCharFilter"/>).</summary>
    public NormalizeCharMap ToNormalizeCharMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (from, to) in Rules)
        {
            builder.Add(from, to);
        }

        return builder.Build();
    }

    /// <summary>A char filter that folds <paramref name="input"/> (for an analyzer's <c>InitReader</c>).</summary>
    public TextReader Filter(TextReader input) => new FoldingCharFilter(this, input);

    /// <summary>Folds <paramref name="text"/> (the char filter's fold, without its offset corrections).</summary>
    public string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = ArrayPool<char>.Shared.Rent(text.Length + 16);
        try
        {
            var length = Fold(text, ref output, static (_, _) => { });
            return new string(output, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
        }
    }

    /// <summary>
    /// Folds <paramref name="input"/> into <paramref name="output"/> (a pooled array, grown through the pool as needed)
    /// and reports each offset correction as MappingCharFilter would (output offset, cumulative difference).
    /// </summary>
    internal int Fold(ReadOnlySpan<char> input, ref char[] output, Action<int, int> correct)
    {
        var length = 0;
        var cumulative = 0;
        for (var i = 0; i < input.Length;)
        {
            var matched = Match(input, i, out var replacement);
            if (matched == 0)
            {
                Reserve(ref output, length, 1);
                output[length++] = input[i++];
                continue;
            }

            Reserve(ref output, length, replacement.Length);
            replacement.CopyTo(output.AsSpan(length));
            length += replacement.Length;
            i += matched;

            // The corrections MappingCharFilter records (input offsets are i, after the match): a shorter replacement maps
            // the output offset after it back by the removed characters; a longer one maps each extra character back
            // to the end of the match.
            var diff = matched - replacement.Length;
            if (diff > 0)
            {
                correct(i - diff - cumulative, cumulative + diff);
            }
            else if (diff < 0)
            {
                var outputStart = i - cumulative;
                for (var extra = 0; extra < -diff; extra++)
                {
                    correct(outputStart + extra, cumulative - extra - 1);
                }
            }

            cumulative += diff;
        }

        return length;
    }

    // The length of the longest rule that matches at text[i] (0 when none) and its replacement.
    private int Match(ReadOnlySpan<char> text, int i, out string replacement)
    {
        var c = text[i];
        if ((_starts[c >> 6] & (1UL << (c & 63))) != 0)
        {
            if (i + 1 < text.Length && _pairs.Count > 0 && _pairs.TryGetValue(PairKey(c, text[i + 1]), out var pair))
            {
                replacement = pair;
                return 2;
            }

            if (_singles.TryGetValue(c, out var single))
            {
                replacement = single;
                return 1;
            }
        }

        replacement = string.Empty;
        return 0;
    }

    private static int PairKey(char first, char second) => (first << 16) | second;

    private static void Reserve(ref char[] buffer, int length, int more)
    {
        if (length + more <= buffer.Length)
        {
            return;
        }

        var grown = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
        buffer.AsSpan(0, length).CopyTo(grown);
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        buffer = grown;
    }
}

/// <summary>The char filter of a <see cref="FoldingMap"/>: reads its whole input on the first read, folds it in one pass, then serves it.</summary>
internal sealed class FoldingCharFilter(FoldingMap map, TextReader input) : BaseCharFilter(input)
{
    private char[]? _output;
    private int _length;
    private int _position;

    public override int Read()
    {
        var output = _output ?? Fill();
        return _position < _length ? output[_position++] : -1;
    }

    // Like MappingCharFilter: -1 at the end.
    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var output = _output ?? Fill();
        if (count == 0)
        {
            return 0;
        }

        var available = Math.Min(count, _length - _position);
        if (available <= 0)
        {
            return -1;
        }

        output.AsSpan(_position, available).CopyTo(buffer.AsSpan(index, count));
        _position += available;
        return available;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _output is { Length: > 0 } output)
        {
            _output = [];
            _length = _position = 0;
            ArrayPool<char>.Shared.Return(output);
        }

        base.Dispose(disposing);
    }

    private char[] Fill()
    {
        var text = ArrayPool<char>.Shared.Rent(4096);
        var read = 0;
        try
        {
            int count;
            while ((count = m_input.Read(text, read, text.Length - read)) > 0)
            {
                read += count;
                if (read == text.Length)
                {
                    var grown = ArrayPool<char>.Shared.Rent(text.Length * 2);
                    text.AsSpan(0, read).CopyTo(grown);
                    ArrayPool<char>.Shared.Return(text);
                    text = grown;
                }
            }

            var output = ArrayPool<char>.Shared.Rent(read + 16);
            _length = map.Fold(text.AsSpan(0, read), ref output, AddOffCorrectMap);
            _output = output;
            return output;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }
}
