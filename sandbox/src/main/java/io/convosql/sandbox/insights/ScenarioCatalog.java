package io.convosql.sandbox.insights;

import io.convosql.sandbox.insights.Scenario.Intent;
import io.convosql.sandbox.insights.Scenario.Slot;
import io.convosql.sandbox.insights.Scenario.Webhook;
import java.util.List;

/** The five kinds of agent the sandbox account runs: dental, pizza, bank, travel and power. */
final class ScenarioCatalog {
  private static final Slot NAME = new Slot("name", "sys.names", "May I have your name, please?",
      CallerAnswers.names());
  private static final Slot DATE = new Slot("date", "sys.date", "What day would suit you?",
      CallerAnswers.dates());
  private static final Slot PHONE = new Slot("phone", "sys.phone_number",
      "What's the best number to reach you on?", CallerAnswers.phones());
  private static final Slot ADDRESS = new Slot("address", "sys.address", "What is the address?",
      CallerAnswers.addresses());
  private static final Slot ACCOUNT = new Slot("account_number", "sys.number",
      "Can you tell me your account number?", CallerAnswers.numbers(8));

  static final List<Scenario> ALL = List.of(
      new Scenario("Bright Smile Dental", "Salli", "en-US", "1",
          "Hello, thank you for calling Bright Smile Dental. How can I help you today?",
          List.of(
              new Intent("book_appointment",
                  List.of("I want to book an appointment", "I'd like to see the dentist",
                      "Can I make an appointment for a cleaning?", "I need a check-up appointment"),
                  List.of(NAME, DATE, PHONE),
                  "Thank you {name}, your appointment is booked {date}. We will text {phone} to confirm.",
                  new Webhook("https://booking.brightsmile.example/api/appointments", "POST")),
              new Intent("reschedule_appointment",
                  List.of("I need to move my appointment", "Can I reschedule my appointment?"),
                  List.of(NAME, DATE), "No problem {name}, I moved your appointment to {date}.", null),
              new Intent("cancel_appointment",
                  List.of("I want to cancel my appointment", "Please cancel my booking"),
                  List.of(NAME), "Your appointment is cancelled, {name}.", null),
              new Intent("opening_hours",
                  List.of("What are your opening hours?", "When are you open?"),
                  List.of(), "We are open Monday to Friday from 8 am to 6 pm, and Saturday mornings.", null))),
      new Scenario("Pizza Palace", "Matthew", "en-US", "1",
          "Hi, welcome to Pizza Palace! What can I do for you?",
          List.of(
              new Intent("order_pizza",
                  List.of("I want to order a pizza", "Can I get a pepperoni pizza delivered?",
                      "I'd like to place an order"),
                  List.of(new Slot("pizza_size", "@size", "What size would you like?",
                      CallerAnswers.choices("A %s one, please", "Small", "Medium", "Large")), ADDRESS, NAME),
                  "Great {name}, one {pizza_size} pizza to {address}. It will be there in 30 minutes.",
                  new Webhook("https://orders.pizzapalace.example/v2/orders", "POST")),
              new Intent("order_status",
                  List.of("Where is my order?", "My pizza hasn't arrived yet"),
                  List.of(new Slot("order_number", "sys.number", "What is your order number?",
                      CallerAnswers.numbers(5))),
                  "Order {order_number} is on its way and should arrive in ten minutes.",
                  new Webhook("https://orders.pizzapalace.example/v2/orders/status", "GET")),
              new Intent("complaint",
                  List.of("My pizza arrived cold", "I want to make a complaint", "The order was wrong"),
                  List.of(NAME, PHONE), "Sorry about that {name}, a manager will call you on {phone}.", null))),
      new Scenario("Northwind Bank", "Amy", "en-GB", "44",
          "Good day, you are through to Northwind Bank. How may I help?",
          List.of(
              new Intent("check_balance",
                  List.of("I want to check my balance", "How much money is in my account?"),
                  List.of(ACCOUNT, NAME), "Thank you {name}. The balance of account {account_number} is 1,204 pounds.",
                  new Webhook("https://api.northwind-bank.example/v1/balance", "POST")),
              new Intent("lost_card",
                  List.of("I lost my card", "My card was stolen", "I need to block my card"),
                  List.of(NAME, PHONE), "I have blocked your card, {name}. A new one is on its way.",
                  new Webhook("https://api.northwind-bank.example/v1/cards/block", "POST")),
              new Intent("speak_to_agent",
                  List.of("I want to speak to a person", "Can I talk to an agent?", "Operator please"),
                  List.of(), "Please hold while I transfer you to one of our advisers.", null))),
      new Scenario("SkyHigh Travel", "Brian", "en-GB", "44",
          "Hello and welcome to SkyHigh Travel. How can I help you today?",
          List.of(
              new Intent("book_flight",
                  List.of("I want to book a flight", "I need a ticket to fly abroad"),
                  List.of(new Slot("destination_city", "sys.location", "Where would you like to fly to?",
                      CallerAnswers.choices("I want to fly to %s", "Paris", "New York", "Tokyo", "Lisbon",
                          "Sydney")), DATE, NAME),
                  "Thanks {name}, I found a flight to {destination_city} {date}. I'll email the details.", null),
              new Intent("change_booking",
                  List.of("I need to change my booking", "Can I change my flight date?"),
                  List.of(new Slot("booking_reference", "sys.alphanumeric", "What is your booking reference?",
                      CallerAnswers.references()), DATE),
                  "Booking {booking_reference} now departs {date}.",
                  new Webhook("https://api.skyhigh.example/bookings/change", "PUT")),
              new Intent("baggage_question",
                  List.of("How much luggage can I bring?", "What is the baggage allowance?"),
                  List.of(), "You can bring one cabin bag and one checked bag of up to 23 kilos.", null))),
      new Scenario("City Power Helpline", "Nicole", "en-AU", "61",
          "G'day, this is the City Power helpline. What can I help you with?",
          List.of(
              new Intent("report_outage",
                  List.of("My power is out", "I want to report an outage", "There's no electricity in my street"),
                  List.of(ADDRESS), "Thanks, a crew has been sent to {address}.",
                  new Webhook("https://outages.citypower.example/report", "POST")),
              new Intent("billing_question",
                  List.of("I have a question about my bill", "Why is my bill so high?"),
                  List.of(ACCOUNT), "Account {account_number} was billed for 412 kilowatt hours this month.",
                  new Webhook("https://billing.citypower.example/accounts/lookup", "GET")),
              new Intent("new_connection",
                  List.of("I'm moving house and need a new connection", "I want to connect power at a new address"),
                  List.of(NAME, ADDRESS, PHONE), "All set {name}, power at {address} will be on by Friday.",
                  null))));

  private ScenarioCatalog() {}
}
