using System.Text;
using Okno.Platform.Files;

namespace Okno.Tests.Platform;

/// <summary>Stored files a browser would run or render as a page are recognised by declared type, name or content.</summary>
public sealed class ActiveContentTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    [Theory]
    [InlineData("text/html")]
    [InlineData("TEXT/HTML; charset=utf-8")]
    [InlineData("text/javascript")]
    [InlineData("application/javascript")]
    [InlineData("image/svg+xml")]
    [InlineData("application/xhtml+xml")]
    [InlineData("text/xml")]
    [InlineData("application/xml")]
    [InlineData("application/rss+xml")]
    [InlineData("application/x-shockwave-flash")]
    public void Active_declared_types_are_active_even_with_harmless_name_and_content(string type) =>
        Assert.True(ActiveContent.IsActive(type, "photo.png", Png));

    [Theory]
    [InlineData("page.html")]
    [InlineData("page.HTM")]
    [InlineData("logo.svg")]
    [InlineData("app.js")]
    [InlineData("feed.xml")]
    [InlineData("saved.mhtml")]
    public void Active_extensions_are_active_whatever_the_declared_type(string name) =>
        Assert.True(ActiveContent.IsActive("image/png", name, Png));

    [Theory]
    [InlineData("<!DOCTYPE html><p>hi")]
    [InlineData("  \r\n<html><body>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<?xml version=\"1.0\"?><x/>")]
    [InlineData("\uFEFF<iframe src=x>")]
    [InlineData("<!-- comment -->")]
    [InlineData("<b>bold</b>")]
    public void Markup_content_under_an_image_name_and_type_is_active(string content)
    {
        Assert.True(ActiveContent.IsActive("image/png", "photo.png", Encoding.UTF8.GetBytes(content)));
        Assert.True(ActiveContent.IsActive("image/png", "photo.png", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(content)).ToArray()));
    }

    [Theory]
    [InlineData("image/png", "photo.png")]
    [InlineData("application/pdf", "report.pdf")]
    [InlineData("text/plain", "notes.txt")]
    [InlineData("application/octet-stream", "data.bin")]
    [InlineData("", "noname")]
    public void Ordinary_files_are_not_active(string type, string name)
    {
        Assert.False(ActiveContent.IsActive(type, name, Png));
        Assert.False(ActiveContent.IsActive(type, name, "Order 42: one toner <cartridge>"u8));
        Assert.False(ActiveContent.IsActive(type, name, "<bdi>not a sniffed tag"u8));
    }
}
