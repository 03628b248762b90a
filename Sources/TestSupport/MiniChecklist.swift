/// A small checklist for audit tests: a choice with a default, a number, a yes/no and a
/// duration asked only when the yes/no is yes.
public let miniChecklist = """
id: mini
title: Mini audit
version: 1.0.0
description: A small checklist for tests.
sources: [004_414b4cef5ac34fae.txt]
sections:
  - id: network
    title: Network
    questions:
      - id: top_priority
        prompt: What is the top priority of your social media work?
        type: choice
        choices: [growing followers, engagement with followers, sales]
        default: engagement with followers
        help: Chasing follower counts crowds out relationships.
        source: "004_414b4cef5ac34fae.txt#top priority"
      - id: followers
        prompt: How many followers do you have?
        type: number
        min: 0
        source: "004_414b4cef5ac34fae.txt#top priority"
  - id: service
    title: Customer service
    questions:
      - id: answers_on_social
        prompt: Do you answer customer requests on social media?
        type: yesno
        source: "004_414b4cef5ac34fae.txt#top priority"
      - id: response_time
        prompt: How quickly do you typically reply?
        type: duration
        when: answers_on_social
        source: "004_414b4cef5ac34fae.txt#top priority"
rules:
  - id: relationships-first
    title: Relationships before reach
    check: top_priority != "growing followers"
    severity: high
    source: "004_414b4cef5ac34fae.txt#top priority"
  - id: answer-on-social
    title: Reply to customer requests on social
    check: answers_on_social
    severity: critical
    source: "004_414b4cef5ac34fae.txt#top priority"
  - id: fast-replies
    title: Reply within an hour
    applies: answers_on_social
    check: response_time <= 1h
    severity: medium
    source: "004_414b4cef5ac34fae.txt#top priority"

"""
