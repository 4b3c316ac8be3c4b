using Okno;

var builder = WebApplication.CreateBuilder(args);
builder.AddOkno(args);

var app = builder.Build();
app.MapOkno();
await app.PrepareAsync();
await app.RunAsync();
