using Search.Api;

SearchApiApplication.Create(args).Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
