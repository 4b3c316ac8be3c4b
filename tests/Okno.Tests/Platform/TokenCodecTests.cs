using Okno.Platform.Security;

namespace Okno.Tests.Platform;

public sealed class TokenCodecTests
{
    [Fact]
    public void Tokens_are_unique()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => TokenCodec.NewToken()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Token_starts_with_prefix_and_is_long_and_url_safe()
    {
        var token = TokenCodec.NewToken();

        Assert.StartsWith("okno_", token, StringComparison.Ordinal);
        Assert.True(token.Length >= 40, $"token is only {token.Length} characters");
        Assert.All(token["okno_".Length..], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
    }

    [Fact]
    public void Hash_is_64_lowercase_hex_characters()
    {
        var hash = TokenCodec.Hash(TokenCodec.NewToken());

        Assert.Equal(64, hash.Length);
        Assert.All(hash, c => Assert.True(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f', $"'{c}' is not lowercase hex"));
    }

    [Fact]
    public void Hash_is_stable()
    {
        var token = TokenCodec.NewToken();

        Assert.Equal(TokenCodec.Hash(token), TokenCodec.Hash(token));
    }

    [Fact]
    public void Hash_is_sha256_of_the_utf8_token()
    {
        // SHA-256("abc"), FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenCodec.Hash("abc"));
    }

    [Fact]
    public void Different_tokens_have_different_hashes()
    {
        Assert.NotEqual(TokenCodec.Hash(TokenCodec.NewToken()), TokenCodec.Hash(TokenCodec.NewToken()));
    }

    [Fact]
    public void Preview_is_a_short_prefix_of_the_token()
    {
        var token = TokenCodec.NewToken();

        var preview = TokenCodec.Preview(token);

        Assert.StartsWith(preview, token, StringComparison.Ordinal);
        Assert.StartsWith("okno_", preview, StringComparison.Ordinal);
        Assert.True(preview.Length > "okno_".Length);
        Assert.True(preview.Length < token.Length / 2, "the preview must not give away the token");
    }

    [Fact]
    public void Preview_of_a_short_string_is_the_string()
    {
        Assert.Equal("okno", TokenCodec.Preview("okno"));
    }
}
