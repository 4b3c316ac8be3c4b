namespace Okno.Tickets;

// Enum values are stored and sent as snake_case strings ("on_hold", "feature_request"),
// so renaming a member is a breaking change of the API and the data.

public enum TicketStatus { New, Open, Pending, OnHold, Resolved, Closed }

public enum TicketPriority { Low, Normal, High, Urgent }

public enum TicketType { Question, Incident, Problem, Request, Bug, FeatureRequest, UnclearFeature }

public enum MessageDirection { In, Out }

/// <summary>Where an outgoing message is on its way to the customer's channel: waiting in the delivery queue (also
/// between retries), handed to the channel, or given up on.</summary>
public enum DeliveryState { Queued, Sent, Failed }

public enum ActorKind { Agent, Contact, System, Automation, Bot }
