using Okno.Bench;
using Okno.Bench.AnswerBot;
using Okno.Bench.B2b;
using Okno.Bench.Api;
using Okno.Bench.Automation;
using Okno.Bench.Chat;
using Okno.Bench.Display;
using Okno.Bench.Email;
using Okno.Bench.Floor;
using Okno.Bench.Generate;
using Okno.Bench.Hostile;
using Okno.Bench.Live;
using Okno.Bench.Mime;
using Okno.Bench.Reports;
using Okno.Bench.Search;
using Okno.Bench.SignIn;
using Okno.Bench.Sla;

const string Usage = """
    Okno.Bench — data generator and benchmarks for Okno.

      generate --provider sqlite|postgres --connection <cs> [--tickets 1000000] [--messages-per-ticket 5]
               [--contacts 200000] [--companies 5000] [--groups 50] [--agents 300] [--chunk 10000] [--seed 20261123]
               [--search-index yes|no]
      api      --url http://127.0.0.1:PORT --email E --password P [--seconds 10] [--warmup 2] [--clients 1]
               [--out bench/results/<date>-<provider>.md] [--floor <rows/s at 1 client>] [--floor32 <rows/s at 32>]
               [--search 'принтер,invoice,xyzzy'] [--label text]
      floor    --provider sqlite|postgres --connection <cs> [--seconds 10] [--clients 1|32] [--out file]
      articles --url http://127.0.0.1:PORT --email E --password P [--count 10000] [--clients 4]
      search   --url http://127.0.0.1:PORT --email E --password P [--seconds 10] [--warmup 2] [--agent auto|none|E]
               [--out bench/results/<date>-<provider>.md] [--label text]
      hostile  [--size 200000] [--before-size 100000] [--url http://127.0.0.1:PORT --email E --password P]
               [--seconds 10] [--clients 4] [--out bench/results/<date>-hostile.md] [--label text]
      live     --url http://127.0.0.1:PORT --email E --password P [--samples 30] [--gap-ms 300]
               [--chromium /usr/bin/chromium] [--out file] [--label text]
      mime     [--seconds 3] [--out bench/results/<date>-mime.md]   (in process: the email parser, issue 13)
      email    --url http://127.0.0.1:PORT --email E --password P --provider sqlite|postgres --connection <cs> [--pid <okno pid>]
               [--imap 127.0.0.1:10243] [--smtp 127.0.0.1:10125] [--mails 5000] [--mailboxes 20] [--replies 1000]
               [--big-mb 25] [--only one,many,send,big] [--out bench/results/<date>-email.md] [--label text]
               (see bench/email.sh, which starts Okno and the bench's own mail servers)
      display  [--seconds 3] [--out bench/results/<date>-display.md]   (in process: hiding remote images, download check)
      signin-flood --url http://127.0.0.1:PORT --email E --password P [--addresses 50] [--per-address 2]
               [--seconds 10] [--warmup 2] [--out bench/results/<date>-signin-flood.md] [--label text]

      triggers --url http://127.0.0.1:PORT --email E --password P [--count 100]   (enabled bench triggers; 0 removes them;
               see bench/run.sh … triggers)
      timerules-prepare --provider sqlite|postgres --connection <cs> [--open 100000]   (before Okno starts; see bench/run.sh … timerules)
      timerules --url http://127.0.0.1:PORT --email E --password P --provider sqlite|postgres --connection <cs> [--pid <okno pid>]
               [--idle-passes 2] [--judge-rule yes|no] [--max-minutes 60] [--out file] [--label text]
      webhooks --url http://127.0.0.1:PORT --email E --password P --provider sqlite|postgres --connection <cs> [--tickets 2000]
               [--deliveries 5000] [--subscriptions 10] [--slow-ms 200] [--slow-tickets 25] [--slow-subscriptions 16] [--clients 8]
               [--max-minutes 15] [--out file] [--label text]   (see bench/run.sh … webhooks)
      sla      --url http://127.0.0.1:PORT --email E --password P --pid <okno pid> --provider sqlite|postgres --connection <cs>
               [--max-minutes 20] [--out file] [--label text]   (see bench/run.sh … sla)
      chat     --url http://127.0.0.1:PORT --email E --password P [--pid <okno pid>] [--visitors 1000] [--held 5000]
               [--seconds 60] [--rate 10] [--warmup-rate 50] [--hold-seconds 30] [--widget-bytes N --widget-gzip N]
               [--out file] [--label text]   (see bench/chat.sh, which starts Okno with the chat rate limits raised)
      answerbot --url http://127.0.0.1:PORT --email E --password P [--questions bench/answerbot/questions.tsv]
               [--threshold 0.4 --relative 0.5] [--misses yes] [--out file] [--label text]
               (see bench/answerbot.sh, which starts Okno with the demo data and the bot's thresholds at 0)
      reports  --url http://127.0.0.1:PORT --email E --password P --provider sqlite|postgres --connection <cs> [--pid <okno pid>]
               [--okno-log file] [--parts rebuild,reports,export] [--runs 20] [--warmup 2] [--reports k1,k2] [--variants month,day,…]
               [--export-rows 100000] [--dir /tmp] [--max-minutes 90] [--out file] [--label text]   (see bench/run.sh … reports)
      reports-create --url http://127.0.0.1:PORT --email E --password P [--seconds 10] [--warmup 5] [--clients 32] [--label text]
               (one round of ticket creation; run.sh interleaves rounds with Okno:Reports:Maintain off and on)
      b2b      --url http://127.0.0.1:PORT --email E --password P --provider postgres --connection <cs> [--companies 20000]
               [--objects 100000] [--equipment 300000] [--runs 50] [--warmup 5] [--out file] [--label text]
               (tops the data up in SQL, then times the equipment/object API calls; see bench/run.sh … b2b)

    See bench/README.md.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

using var stop = new CancellationTokenSource();
// Ctrl+C ends the current step cleanly; a generate run resumes from its last committed chunk.
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
try
{
    var options = new Args(args.Skip(1));
    return args[0] switch
    {
        "generate" => await Generator.RunAsync(options, stop.Token),
        "api" => await ApiBench.RunAsync(options, stop.Token),
        "floor" => await FloorBench.RunAsync(options, stop.Token),
        "live" => await LiveBench.RunAsync(options, stop.Token),
        "hostile" => await HostileBench.RunAsync(options, stop.Token),
        "articles" => await SearchBench.SeedArticlesAsync(options, stop.Token),
        "search" => await SearchBench.RunAsync(options, stop.Token),
        "display" => await DisplayBench.RunAsync(options, stop.Token),
        "mime" => await MimeBench.RunAsync(options, stop.Token),
        "email" => await EmailBench.RunAsync(options, stop.Token),
        "signin-flood" => await SignInFloodBench.RunAsync(options, stop.Token),
        "sla" => await SlaBench.RunAsync(options, stop.Token),
        "triggers" => await TriggersBench.RunAsync(options, stop.Token),
        "timerules-prepare" => await TimeRulesBench.PrepareAsync(options, stop.Token),
        "timerules" => await TimeRulesBench.RunAsync(options, stop.Token),
        "webhooks" => await WebhooksBench.RunAsync(options, stop.Token),
        "chat" => await ChatBench.RunAsync(options, stop.Token),
        "answerbot" => await AnswerBotBench.RunAsync(options, stop.Token),
        "reports" => await ReportsBench.RunAsync(options, stop.Token),
        "reports-create" => await ReportsBench.CreateAsync(options, stop.Token),
        "b2b" => await B2bBench.RunAsync(options, stop.Token),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (BenchException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
