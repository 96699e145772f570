import Testing

@testable import Core

@Suite struct ActionPhraseTests {
    @Test(arguments: [
        ("Create Invoice", "create the invoice"), ("Get Order", "get the order"), ("List SMS Messages", "list the SMS messages"),
        ("Look Up Customer", "look up the customer"), ("Get My Profile", "get my profile"), ("Cancel All Orders", "cancel all orders"),
        ("Search", "search"), ("Sign In", "sign in"),
    ])
    func putsTheBeforeTheObject(title: String, phrase: String) {
        #expect(title.actionPhrase == phrase)
    }
}
