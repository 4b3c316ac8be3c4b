using System.Text;
using Okno.Channels.Email.Mime;

namespace Okno.Tests.Channels.Email;

/// <summary>Bad, cut, huge and hostile input: the parser returns or refuses by its limit, never crashes or hangs.</summary>
public sealed class EmailParserRobustnessTests
{
    // A hang guard, not a speed target: a parse that has not returned by then is stuck.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(20);

    public static TheoryData<string> CorpusFiles() => new(Corpus.Files.Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Every_corpus_mail_and_random_cuts_and_flips_of_it_parse(string name)
    {
        var raw = Corpus.Bytes(name);
        // A seed from the name (string.GetHashCode is randomized per process): the same cuts on every run.
        var random = new Random(name.Aggregate(13, (seed, c) => seed * 31 + c));
        var variants = new List<byte[]> { raw, Array.Empty<byte>() };
        for (var i = 0; i < 5; i++) variants.Add(raw[..random.Next(raw.Length)]);
        for (var i = 0; i < 3; i++)
        {
            var flipped = (byte[])raw.Clone();
            for (var k = 0; k < 1 + raw.Length / 200; k++) flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
            variants.Add(flipped);
        }
        foreach (var bytes in variants)
        {
            // WaitAsync throws TimeoutException when a parse is stuck.
            var mail = await Task.Run(() => Corpus.Parse(bytes)).WaitAsync(Stuck);
            Assert.Matches("^[0-9a-f]{64}$", mail.ContentHash);
            Assert.NotNull(mail.Text);
            Assert.NotNull(mail.NewText);
        }
    }

    [Fact]
    public void A_mail_over_the_limit_is_refused()
    {
        var raw = Corpus.Bytes("03-mixed-pdf.eml");
        var error = Assert.Throws<EmailTooLargeException>(() => Corpus.Parse(raw, new EmailParseLimits(MaxMessageBytes: 512)));
        Assert.Equal(512, error.MaxBytes);
        Assert.Equal("mixed-003@example.com", Corpus.Parse(raw, new EmailParseLimits(MaxMessageBytes: raw.Length)).MessageId);
    }

    [Fact]
    public void The_limit_stops_reading_an_endless_stream_soon_after_it()
    {
        var endless = new EndlessMail();
        Assert.Throws<EmailTooLargeException>(() => EmailParser.Parse(endless, new EmailParseLimits(MaxMessageBytes: 1024 * 1024)));
        Assert.InRange(endless.Served, 1024 * 1024 + 1, 1024 * 1024 + 128 * 1024);
    }

    [Fact]
    public async Task Deeply_nested_multiparts_and_html_do_not_overflow()
    {
        var mime = new StringBuilder("Message-ID: <deep@example.com>\nSubject: deep\nMIME-Version: 1.0\n");
        for (var i = 0; i < 300; i++) mime.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n");
        mime.Append("Content-Type: text/html\n\n").Append(string.Concat(Enumerable.Repeat("<div><blockquote>", 20_000))).Append("deep text\n");
        var mail = await Task.Run(() => Corpus.Parse(Encoding.ASCII.GetBytes(mime.ToString()))).WaitAsync(Stuck);
        Assert.Equal("deep", mail.Subject);
    }

    [Fact]
    public void Html_nested_deeply_still_gives_its_text()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 50_000)) + "bottom";
        var raw = Encoding.ASCII.GetBytes("Subject: html\nContent-Type: text/html\n\n" + html);
        Assert.Equal("bottom", Corpus.Parse(raw).Text);
    }

    [Fact]
    public void Html_with_too_many_children_is_read_flat_without_scripts()
    {
        var html = "<style>p{}</style><script>var secret = 1;</script>" + string.Concat(Enumerable.Repeat("<p>row &amp; cell</p>", 6_000));
        var text = Corpus.Parse(Encoding.ASCII.GetBytes("Subject: html\nContent-Type: text/html\n\n" + html)).Text;
        Assert.StartsWith("row & cell\n\nrow & cell", text);
        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain("p{}", text);
    }

    [Fact]
    public void Encoded_line_breaks_never_survive_into_subject_or_names()
    {
        var raw = Encoding.ASCII.GetBytes(
            "From: =?utf-8?Q?Eve=0D=0ABcc=3A_x=40evil.example?= <eve@example.com>\n" +
            "Subject: =?utf-8?Q?Hello=0D=0AX-Injected:_1=09tab=00nul?=\n\nbody\n");
        var mail = Corpus.Parse(raw);
        // MimeKit unfolds the decoded CR LF away; the tab and NUL become spaces.
        Assert.Equal("HelloX-Injected: 1 tab nul", mail.Subject);
        var name = mail.From!.Name!;
        Assert.DoesNotContain('\n', name);
        Assert.DoesNotContain('\r', name);
        Assert.Contains("Bcc: x@evil.example", name);
        Assert.Equal("eve@example.com", mail.From.Address);
    }

    [Fact]
    public void An_absurdly_long_message_id_counts_as_missing()
    {
        var raw = Encoding.ASCII.GetBytes($"Message-ID: <{new string('a', 600)}@example.com>\nReferences: <{new string('b', 600)}@x> <ok@x>\nSubject: s\n\nbody\n");
        var mail = Corpus.Parse(raw);
        Assert.Null(mail.MessageId);
        Assert.Equal(["ok@x"], mail.References);
    }

    [Fact]
    public void Hundreds_of_references_keep_the_root_and_the_latest()
    {
        var ids = Enumerable.Range(1, 300).Select(i => $"<m{i}@example.com>");
        var raw = Encoding.ASCII.GetBytes($"References: {string.Join("\n ", ids)}\nSubject: s\n\nbody\n");
        var references = Corpus.Parse(raw).References;
        Assert.Equal(100, references.Count);
        Assert.Equal("m1@example.com", references[0]);
        Assert.Equal("m202@example.com", references[1]);
        Assert.Equal("m300@example.com", references[^1]);
    }

    /// <summary>A stream that never ends: a header, then body lines forever; counts what it handed out.</summary>
    private sealed class EndlessMail : Stream
    {
        private static readonly byte[] Head = Encoding.ASCII.GetBytes("Subject: endless\n\n");
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
                buffer[offset + i] = Served + i < Head.Length ? Head[Served + i] : (byte)((Served + i) % 64 == 63 ? '\n' : 'x');
            Served += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
