using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;
using Okno.Platform.Web;

namespace Okno.Channels.Ui;

/// <summary>Shared plumbing of the channel pages: their strings, and refused actions shown as a <see cref="ActionError"/>
/// (field messages in the page's language, by their codes).</summary>
public abstract class ChannelsComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<ChannelStrings> L { get; set; } = default!;

    protected string HealthName(ChannelHealth health) => L["Health_" + health];

    protected string StateName(InboundState state) => L["State_" + state];

    protected static MudBlazor.Color StateColor(InboundState state) => state switch
    {
        InboundState.Imported => MudBlazor.Color.Success,
        InboundState.Held => MudBlazor.Color.Warning,
        InboundState.Quarantined => MudBlazor.Color.Error,
        InboundState.Pending => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    protected static MudBlazor.Color HealthColor(ChannelHealth health) => health switch
    {
        ChannelHealth.Ok => MudBlazor.Color.Success,
        ChannelHealth.Failing => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    protected override ActionError Describe(Exception exception, ILogger logger)
    {
        if (exception is not OknoException { Error: var error })
        {
            logger.LogError(exception, "A channel page action failed");
            return ActionError.General(L["UnexpectedError"]);
        }
        return error switch
        {
            InvalidInput e => new ActionError(L["FixFields"], Errors.Fields(e), e.Code),
            Duplicate e => ActionError.OnField(e.Field, L["NameTaken"]),
            NotFound => ActionError.General(L["Gone"]),
            // A failed connection test or fetch says what is wrong in the agent's language (by its code).
            ChannelConnectionFailed e => ActionError.General(Errors.Of(e.Code, e.Parameters)),
            // Retry or release of an item that is no longer in that state.
            StateConflict e => ActionError.General(Errors.Of(e.Code, e.Parameters)),
            _ => ActionError.General(error.Detail),
        };
    }
}
