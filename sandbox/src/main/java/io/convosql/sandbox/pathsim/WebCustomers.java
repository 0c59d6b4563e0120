package io.convosql.sandbox.pathsim;

import io.convosql.sandbox.pathsim.VirtualCustomer.StepTemplate;
import java.util.List;

/** The web virtual customers and the browser steps each scripts. */
final class WebCustomers {
  static final List<VirtualCustomer> ALL = List.of(
      VirtualCustomer.web("chatbot.com price finder", "https://chatbot.com",
          "find the Team plan price through the site's chatbot",
          step("navigate", "Navigated to https://chatbot.com", "Homepage loaded"),
          step("click", "Clicked the \"Pricing\" link in the header", "Pricing page opened"),
          step("assert", "Checked the Starter plan price", "Starter plan shown at $52/month"),
          step("click", "Opened the chat widget", "Chat widget opened"),
          step("type", "Asked the chatbot \"What does the Team plan cost?\"", "Chatbot answered: $142/month"),
          step("assert", "Compared the chatbot's answer with the pricing page", "Prices match")),
      VirtualCustomer.web("Shopify Checkout Flow", "https://demo-store.myshopify.com",
          "buy a T-shirt through the checkout",
          step("navigate", "Navigated to the store front", "Store front loaded"),
          step("click", "Opened the \"Classic T-Shirt\" product page", "Product page shown"),
          step("select", "Selected size M", "Size M selected"),
          step("click", "Clicked \"Add to cart\"", "Cart count is 1"),
          step("click", "Clicked \"Checkout\"", "Checkout form shown"),
          step("type", "Filled in the shipping address", "Address accepted"),
          step("type", "Entered the test card 4242 4242 4242 4242", "Card accepted"),
          step("assert", "Checked the order confirmation", "Order #1042 confirmed")),
      VirtualCustomer.web("Support Portal Login", "https://support.example.com",
          "sign in to the support portal and open a ticket",
          step("navigate", "Navigated to the sign-in page", "Successfully reached the sign-in page"),
          step("type", "Entered the test account's e-mail", "E-mail accepted"),
          step("type", "Entered the password", "Password field filled"),
          step("click", "Clicked \"Sign in\"", "Dashboard shown"),
          step("click", "Clicked \"New ticket\"", "Ticket form opened"),
          step("assert", "Checked the ticket form fields", "Subject and description fields present")),
      VirtualCustomer.web("Newsletter Signup", "https://www.example.org",
          "subscribe to the newsletter",
          step("navigate", "Navigated to https://www.example.org", "Homepage loaded"),
          step("scroll", "Scrolled to the page footer", "Newsletter form visible"),
          step("type", "Entered an e-mail address in the newsletter form", "E-mail accepted"),
          step("click", "Clicked \"Subscribe\"", "Form submitted"),
          step("assert", "Checked the confirmation banner", "Banner reads: Thanks for subscribing!")),
      VirtualCustomer.web("Flight Search Widget", "https://flights.example.net",
          "search for a one-way flight from SFO to JFK",
          step("navigate", "Navigated to the flight search page", "Search widget loaded"),
          step("type", "Entered SFO as the origin", "Origin set"),
          step("type", "Entered JFK as the destination", "Destination set"),
          step("click", "Picked a departure date two weeks out", "Date selected"),
          step("click", "Clicked \"Search flights\"", "Results page opened"),
          step("assert", "Checked that results are listed", "12 flights listed"),
          step("click", "Sorted the results by price", "Cheapest flight first")),
      VirtualCustomer.web("Return Policy Lookup", "https://shop.example.com",
          "find how many days customers have to return an item",
          step("navigate", "Navigated to https://shop.example.com", "Homepage loaded"),
          step("click", "Clicked \"Help\" in the footer", "Help center opened"),
          step("type", "Searched the help center for \"returns\"", "3 articles found"),
          step("click", "Opened the \"Return policy\" article", "Article shown"),
          step("assert", "Checked the return window", "Return window is 30 days")));

  private WebCustomers() {}

  private static StepTemplate step(String action, String target, String value) {
    return new StepTemplate(action, target, value);
  }
}
