using Okno;
using Okno.Admin;

if (args is [AdminPasswordReset.Command, ..]) return await AdminPasswordReset.RunFromCommandLineAsync(args[1..]);

var builder = WebApplication.CreateBuilder(OknoModules.HostOptions(args));
builder.AddOkno(args);

var app = builder.Build();
app.MapOkno();
await app.PrepareAsync();
await app.RunAsync();
return 0;
