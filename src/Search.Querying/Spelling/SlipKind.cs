namespace Search.Querying.Spelling;

/// <summary>How a typed word differs from the word meant: the edit classes of the error model (<see cref="ErrorModel"/>).</summary>
internal enum SlipKind
{
    /// <summary>Typed as meant.</summary>
    None,

    /// <summary>A letter left out (تيمز for تايمز).</summary>
    Dropped,

    /// <summary>A letter typed twice (عننوان for عنوان).</summary>
    Doubled,

    /// <summary>Two adjacent letters swapped (اسابنيا for اسبانيا).</summary>
    Swapped,

    /// <summary>The key next to the right one (لهحوم for لهجوم).</summary>
    Neighbour,

    /// <summary>A letter of the same sound or a hamza seat (مسوول for مسؤول, الحكومت for الحكومة, ص for س).</summary>
    SoundAlike,

    /// <summary>An extra letter whose key touches the letter beside it (two keys pressed at once).</summary>
    FatFinger,

    /// <summary>Any other extra letter.</summary>
    Inserted,

    /// <summary>Any other letter in place of the right one.</summary>
    Substituted,

    /// <summary>Two of the above.</summary>
    TwoEdits,
}
