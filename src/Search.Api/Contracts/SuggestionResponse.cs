using System.Text.Json.Serialization;
using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>One completion: <c>text</c> to show and search (plain text, real spellings), <c>kind</c> (word, phrase or title), <c>id</c> of the article for a title.</summary>
public sealed record SuggestionResponse(
    string Text,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null)
{
    public static SuggestionResponse From(Suggestion suggestion) => new(
        suggestion.Text,
        suggestion.Kind switch
        {
            SuggestionKind.Word => "word",
            SuggestionKind.Phrase => "phrase",
            _ => "title",
        },
        suggestion.Id);
}
