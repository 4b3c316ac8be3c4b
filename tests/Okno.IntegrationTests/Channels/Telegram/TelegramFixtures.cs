using System.Text.Json.Nodes;

namespace Okno.IntegrationTests.Channels.Telegram;

/// <summary>Updates as the Bot API sends them (https://core.telegram.org/bots/api#update; Message, PhotoSize, Document,
/// Voice, CallbackQuery, ChatMemberUpdated), without their update_id (<see cref="FakeTelegram.Push"/> gives it). A
/// private chat's id is the user's id.</summary>
public static class TelegramFixtures
{
    public const long UserId = 123456789;

    private static string User(long id) =>
        $$$"""{"id":{{{id}}},"is_bot":false,"first_name":"Анна","last_name":"Петрова","username":"anna_p","language_code":"ru"}""";

    private static string Chat(long id) =>
        $$$"""{"id":{{{id}}},"first_name":"Анна","last_name":"Петрова","username":"anna_p","type":"private"}""";

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    public static JsonObject Text(string text, long messageId = 101, long user = UserId) => Parse($$$"""
        {"message":{"message_id":{{{messageId}}},"from":{{{User(user)}}},"chat":{{{Chat(user)}}},"date":1764950000,"text":{{{Quote(text)}}} } }
        """);

    /// <summary>A photo in three sizes, the largest last, with a caption.</summary>
    public static JsonObject Photo(string caption, string fileId, long size, long messageId = 102, long user = UserId) => Parse($$$"""
        {"message":{"message_id":{{{messageId}}},"from":{{{User(user)}}},"chat":{{{Chat(user)}}},"date":1764950010,
          "photo":[
            {"file_id":"{{{fileId}}}-s","file_unique_id":"AQADs","file_size":1480,"width":90,"height":67},
            {"file_id":"{{{fileId}}}-m","file_unique_id":"AQADm","file_size":19870,"width":320,"height":240},
            {"file_id":"{{{fileId}}}","file_unique_id":"AQADx","file_size":{{{size}}},"width":1280,"height":960}],
          "caption":{{{Quote(caption)}}} } }
        """);

    public static JsonObject Document(string fileName, string mimeType, string fileId, long size, long messageId = 103, long user = UserId) => Parse($$$"""
        {"message":{"message_id":{{{messageId}}},"from":{{{User(user)}}},"chat":{{{Chat(user)}}},"date":1764950020,
          "document":{"file_name":{{{Quote(fileName)}}},"mime_type":"{{{mimeType}}}","file_id":"{{{fileId}}}","file_unique_id":"AgADdoc","file_size":{{{size}}} } } }
        """);

    public static JsonObject Voice(string fileId, long size, long messageId = 104, long user = UserId) => Parse($$$"""
        {"message":{"message_id":{{{messageId}}},"from":{{{User(user)}}},"chat":{{{Chat(user)}}},"date":1764950030,
          "voice":{"duration":3,"mime_type":"audio/ogg","file_id":"{{{fileId}}}","file_unique_id":"AgADvoice","file_size":{{{size}}} } } }
        """);

    public static JsonObject Edited(string text, long messageId = 101, long user = UserId) => Parse($$$"""
        {"edited_message":{"message_id":{{{messageId}}},"from":{{{User(user)}}},"chat":{{{Chat(user)}}},"date":1764950000,"edit_date":1764950060,
          "text":{{{Quote(text)}}} } }
        """);

    /// <summary>The user pressed the button "Да, помогло" (data <paramref name="data"/>) under one of the bot's messages.</summary>
    public static JsonObject CallbackQuery(string data, string queryId = "4382bfdwdsb323b2d9", long user = UserId) => Parse($$$"""
        {"callback_query":{"id":"{{{queryId}}}","from":{{{User(user)}}},
          "message":{"message_id":501,"from":{"id":{{{FakeTelegram.BotId}}},"is_bot":true,"first_name":"Okno Test","username":"{{{FakeTelegram.BotUsername}}}"},
            "chat":{{{Chat(user)}}},"date":1764950100,"text":"Помогла ли статья?",
            "reply_markup":{"inline_keyboard":[[{"text":"Да, помогло","callback_data":"bot:yes"}],[{"text":"Нет, нужен человек","callback_data":"bot:no"}]]} },
          "chat_instance":"-7834102953620178290","data":{{{Quote(data)}}} } }
        """);

    /// <summary>The user blocked the bot.</summary>
    public static JsonObject Kicked(long user = UserId) => Parse($$$"""
        {"my_chat_member":{"chat":{{{Chat(user)}}},"from":{{{User(user)}}},"date":1764950200,
          "old_chat_member":{"user":{"id":{{{FakeTelegram.BotId}}},"is_bot":true,"first_name":"Okno Test","username":"{{{FakeTelegram.BotUsername}}}"},"status":"member"},
          "new_chat_member":{"user":{"id":{{{FakeTelegram.BotId}}},"is_bot":true,"first_name":"Okno Test","username":"{{{FakeTelegram.BotUsername}}}"},"status":"kicked","until_date":0} } }
        """);

    /// <summary>A message in a group the bot is in.</summary>
    public static JsonObject GroupText(string text, long user = UserId) => Parse($$$"""
        {"message":{"message_id":77,"from":{{{User(user)}}},"chat":{"id":-1001234567890,"title":"Покупатели","type":"supergroup"},"date":1764950300,
          "text":{{{Quote(text)}}} } }
        """);
}
