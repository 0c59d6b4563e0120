package io.convosql.sandbox.pathsim;

import java.util.List;

/**
 * The voice virtual customers and the calls they script. In PathSim's transcripts the "user" is the
 * business that answers the phone and the "agent" is the virtual customer calling it.
 */
final class VoiceCustomers {
  static final String WEATHER = "+18316561725";
  static final String DENTAL = "+14155550142";
  static final String PIZZA = "+12125550187";
  static final String FRONT_DESK = "+16465550123";
  static final String BANK = "+13125550199";
  static final String HOTEL = "+17025550166";

  /** The numbers PathSim's test lines call from. */
  static final List<String> CALLER_LINES =
      List.of("+16505550110", "+16505550111", "+16505550112", "+19295550140");

  static final List<VirtualCustomer> ALL = List.of(
      VirtualCustomer.voice("National Weather Service Test", WEATHER,
          "ask for the Monterey forecast",
          "user: National Weather Service automated line. Which forecast zone are you calling about?",
          "agent: Hi, I'd like the forecast for Monterey, California please.",
          "user: The forecast for Monterey issued at 4:15 PM: partly cloudy, high of 68, low of 54.",
          "agent: Is there any chance of rain tomorrow?",
          "user: Tomorrow there is a 20 percent chance of showers after 2:00 PM.",
          "agent: Great, thank you. That's all I needed.",
          "user: Thank you for calling. Goodbye."),
      VirtualCustomer.voice("Dental Office Booking", DENTAL,
          "book a cleaning appointment for next week",
          "user: Good morning, Bright Smile Dental, this is Karen speaking. How can I help you?",
          "agent: Hi Karen, I'd like to book a cleaning for next week.",
          "user: Sure. Can I have your name and date of birth?",
          "agent: It's Jordan Miller, March 3rd, 1988.",
          "user: Thank you. I have Tuesday at 10:30 or Thursday at 2:15 available.",
          "agent: Tuesday at 10:30 works for me.",
          "user: You're booked for Tuesday at 10:30. Please arrive ten minutes early.",
          "agent: Perfect, thanks so much. Bye!"),
      VirtualCustomer.voice("Pizza Order - Angry Customer", PIZZA,
          "complain about a late delivery and get the delivery fee refunded",
          "user: Tony's Pizza, what can I get for you today?",
          "agent: I ordered a large pepperoni an hour ago and it still hasn't arrived. This is ridiculous.",
          "user: I'm so sorry about that. Can I get the phone number on the order?",
          "agent: It's 555-0134. I've been waiting since 6:45.",
          "user: I see it here. The driver left at 7:40, it should be there in about five minutes.",
          "agent: Five minutes? I want a refund for the delivery fee at least.",
          "user: I've refunded the delivery fee and added a coupon for your next order.",
          "agent: Fine. Thanks, I guess."),
      VirtualCustomer.voice("Pizza Order - Happy Path", PIZZA,
          "order a medium margherita and garlic bread for delivery",
          "user: Tony's Pizza, what can I get for you today?",
          "agent: Hi! I'd like a medium margherita and a garlic bread for delivery.",
          "user: Great choice. What's the delivery address?",
          "agent: 42 Oak Street, apartment 3B.",
          "user: Your total is $21.50 and it will arrive around 7:30.",
          "agent: Sounds good, I'll pay cash on delivery.",
          "user: Perfect, thanks for ordering with Tony's!"),
      VirtualCustomer.voice("Business Hours Check", FRONT_DESK,
          "find out the company's opening hours",
          "user: Good day. ABC Test Company. This is Sarah speaking. How may I help you?",
          "agent: Hi Sarah, what are your opening hours this week?",
          "user: We open at 9:00 and close at 17:30, Monday to Friday.",
          "agent: And on Saturdays?",
          "user: Saturdays we're open 10:00 to 14:00. We're closed on Sundays.",
          "agent: Thanks, that's very helpful.",
          "user: You're welcome. Have a nice day."),
      VirtualCustomer.voice("Bank Balance Inquiry", BANK,
          "check an account balance and the last transaction",
          "user: Welcome to First Harbor Bank. For security, please say or enter your account number.",
          "agent: My account number is 4 4 7 1 9 0.",
          "user: Thank you. Your available balance is $2,418.36 as of 8:00 AM today.",
          "agent: Can you tell me the last transaction?",
          "user: Your last transaction was a debit of $54.20 at Green Grocer.",
          "agent: Okay, thank you.",
          "user: Is there anything else I can help you with?",
          "agent: No, that's all. Goodbye."),
      VirtualCustomer.voice("Hotel Reservation Change", HOTEL,
          "move a hotel reservation from Friday to Saturday",
          "user: Thank you for calling the Seaside Inn, this is Marco. How can I help?",
          "agent: Hi Marco, I need to change my reservation from Friday to Saturday.",
          "user: Of course. What's the confirmation number?",
          "agent: It's SEA-20931.",
          "user: I've moved your stay to Saturday. Check-in is from 15:00 and check-out is by 11:00.",
          "agent: Great, and is breakfast still included?",
          "user: Yes, breakfast is served 7:00 to 10:30.",
          "agent: Wonderful, thank you."),
      VirtualCustomer.voice("Pharmacy Refill Request", DENTAL,
          "request a prescription refill for pick-up",
          "user: Greenway Pharmacy, this is Dana. How can I help you?",
          "agent: Hi, I'd like to refill my prescription, number RX 88213.",
          "user: Let me check. That one has two refills left. It will be ready after 4:00 PM today.",
          "agent: Can I pick it up tomorrow morning instead?",
          "user: Sure, we open at 8:30 tomorrow.",
          "agent: Thanks, bye."),
      VirtualCustomer.voice("Insurance Claim Status", BANK,
          "get the status of an insurance claim",
          "user: Summit Mutual claims department. Please hold while I connect you.",
          "user: Thanks for waiting, this is Priya. Do you have a claim number?",
          "agent: Yes, it's CLM-55102-B.",
          "user: Your claim was approved on Monday and the payment will be issued within 5 business days.",
          "agent: Will it be a check or a direct deposit?",
          "user: Direct deposit to the account on file, reference note: CLM-55102-B.",
          "agent: Great, thank you for the update."));

  /** Lines a transcriber writes without a speaker, spliced into some transcripts. */
  static final List<String> UNATTRIBUTED =
      List.of("[inaudible]", "[hold music]", "... (silence) ...", "[call transferred]");

  private VoiceCustomers() {}
}
