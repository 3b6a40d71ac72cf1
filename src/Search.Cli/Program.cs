using Search.Cli;

return await SearchCli.RunAsync(args, CliConsole.FromSystem());
