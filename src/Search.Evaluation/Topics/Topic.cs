namespace Search.Evaluation.Topics;

/// <summary>One query of a topic set: its id and the text a user would type.</summary>
public sealed record Topic(string Id, string Text);
