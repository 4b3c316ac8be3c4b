namespace Okno.Customers.Ui;

/// <summary>A section another part of Okno adds to the customer card (the satisfaction ratings, say), so Customers shows
/// it without referring to that part. The component gets the contact's id as its <c>ContactId</c> parameter (long).</summary>
public sealed record ContactCardPanel(Type Component, int Order);

/// <summary>A section another part of Okno adds to the contact's page (the customer portal's access, say), below the
/// contact's own sections; the component gets the contact's id as its <c>ContactId</c> parameter (long).</summary>
public sealed record ContactPagePanel(Type Component, int Order);
