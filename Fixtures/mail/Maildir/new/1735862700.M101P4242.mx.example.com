Return-Path: <dmarc@mail.example.net>
Delivered-To: dmarc-reports@example.com
Received: from mail-relay.example.net (mail-relay.example.net [192.0.2.25])
	by mx.example.com (Postfix) with ESMTPS id 4Y1AbC2dEf
	for <dmarc-reports@example.com>; Thu, 02 Jan 2025 00:05:00 +0000 (UTC)
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20240101;
 h=mime-version:date:message-id:subject:from:to;
 bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
 b=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ==
MIME-Version: 1.0
Date: Thu, 02 Jan 2025 00:04:59 +0000
Message-ID: <b03adc7035eea3e7@example.net>
Subject: Report Domain: example.org Submitter: mail.example.net Report-ID: <mn-0002>
From: dmarc@mail.example.net
To: dmarc-reports@example.com
Content-Type: text/xml; charset=utf-8
Content-Transfer-Encoding: 8bit

<?xml version="1.0" encoding="UTF-8" ?>
<feedback>
  <report_metadata>
    <org_name>mail.example.net</org_name>
    <email>dmarc@mail.example.net</email>
    <report_id>mn-0002</report_id>
    <date_range><begin>1735689600</begin><end>1735775999</end></date_range>
  </report_metadata>
  <policy_published><domain>example.org</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>
  <record>
    <row><source_ip>192.0.2.78</source_ip><count>10</count>
      <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>
    <identifiers><header_from>example.org</header_from></identifiers>
    <auth_results><dkim><domain>example.org</domain><result>pass</result></dkim><spf><domain>example.org</domain><result>pass</result></spf></auth_results>
  </record>
  <record>
    <row><source_ip>2001:db8::78</source_ip><count>1</count>
      <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row>
    <identifiers><header_from>example.org</header_from></identifiers>
    <auth_results><dkim><domain>example.org</domain><result>fail</result></dkim><spf><domain>example.org</domain><result>fail</result></spf></auth_results>
  </record>
</feedback>
