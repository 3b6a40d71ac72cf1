using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>Plays the tokens of a <see cref="TokenBuffer"/> as a token stream, attribute for attribute as they were produced.</summary>
/// <remarks>Resetting starts again from the first token; disposing leaves it reusable (the buffer belongs to its owner).</remarks>
internal sealed class TokenReplay : TokenStream
{
    private readonly TokenBuffer _tokens;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private int _next;

    public TokenReplay(TokenBuffer tokens)
    {
        _tokens = tokens;

        // The order in which the standard tokenizer adds them, so even attribute reflection reads the same.
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        _tokens.Copy(_next++, _term, _increment, _offset, _type);
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _tokens.FinalIncrement;
        _offset.SetOffset(_tokens.FinalOffset, _tokens.FinalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
